package io.quorum.engine.snapshot;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskModel;
import io.quorum.engine.portfolio.RiskReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The desk as it stood after one batch of the engine loop's events: an immutable value the loop
 * publishes for everyone who must not touch its state, the agents first. An agent reads a
 * snapshot and speaks on the bus; it never calls into the engine, so it may be slow (a language
 * model) or in another process (a snapshot travels as a value).
 *
 * @param version     how many snapshots the loop has published before this one: later is larger
 * @param at          market time of the publication
 * @param equity      the account's value: cash plus every position at market
 * @param buyingPower what may still be spent
 * @param lastPrices  the last traded price of every ticker the desk watches
 * @param sessions    every session's own part, by id
 * @param portfolio   the account seen whole: every session's positions, exposures; its equity is {@code equity}
 * @param risk        the account's VaR, ES and stress results at these positions and prices
 * @param riskModel   the returns and stress test {@code risk} rests on, for measuring a change to these positions
 */
public record DeskSnapshot(long version, Instant at, Money equity, Money buyingPower, Map<Ticker, Price> lastPrices,
        Map<SessionId, SessionSnapshot> sessions, Portfolio portfolio, RiskReport risk, RiskModel riskModel) {
    public DeskSnapshot {
        if (version < 0) throw new IllegalArgumentException("version: must not be negative, was " + version);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(buyingPower, "buyingPower");
        lastPrices = Map.copyOf(lastPrices);
        sessions = Map.copyOf(sessions);
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(riskModel, "riskModel");
        if (!portfolio.equity().equals(equity)) throw new IllegalArgumentException("equity " + equity + " is not the portfolio's " + portfolio.equity());
    }

    /** Before the loop's first batch: an empty desk with the account as the broker reports it. */
    public static DeskSnapshot initial(Instant at, Money equity, Money buyingPower) {
        return new DeskSnapshot(0, at, equity, buyingPower, Map.of(), Map.of(), Portfolio.of(equity, List.of(), Map.of()), RiskReport.none(equity), RiskModel.EMPTY);
    }

    public Optional<SessionSnapshot> session(SessionId id) { return Optional.ofNullable(sessions.get(id)); }

    public Optional<Price> lastPrice(Ticker ticker) { return Optional.ofNullable(lastPrices.get(ticker)); }
}
