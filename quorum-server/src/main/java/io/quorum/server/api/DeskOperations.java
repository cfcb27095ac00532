package io.quorum.server.api;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import java.util.List;

/**
 * Everything the HTTP and WebSocket edge asks of the desk, one method per operation of
 * {@code docs/api.md}. The edge parses and shape-checks requests, calls exactly one of these, and
 * turns the answer (or a {@link DeskException}) into HTTP. Nothing here knows about HTTP.
 *
 * <p>Failures: an unknown session, position or confirmation throws {@link DeskException.NotFound};
 * an operation the session's state does not allow throws {@link DeskException.Conflict}; input the
 * desk refuses throws {@link DeskException.Invalid} with one {@link FieldError} per field. A call
 * that throws changes nothing.
 *
 * <p>Implementations are called from many request threads at once and must be thread-safe.
 */
public interface DeskOperations {

    SessionView createSession(Ticker ticker, Actor actor);

    List<SessionView> sessions();

    SessionView session(SessionId id);

    /**
     * PROPOSAL → AUTO_TRADING (the user accepts the proposal and hands over authority). The answer
     * names the proposal it approves; a conflict when the card now shows another one.
     */
    SessionView approve(SessionId id, ProposalId proposal, Actor actor);

    /** PROPOSAL → RE_ANALYZING, with the user's reason fed back to the agents; a conflict when the card now shows another proposal. */
    SessionView reject(SessionId id, ProposalId proposal, String reason, Actor actor);

    /** Any state but STOPPED → STOPPED (stopReason "user"). */
    SessionView stop(SessionId id, Actor actor);

    /** Puts away a STOPPED session with no position and no working order: it leaves the session list; a conflict otherwise. */
    void archive(SessionId id, Actor actor);

    AutoTradingConfigView config(SessionId id);

    /** Replaces the whole config; every field of {@code config} is present (the edge checked that). */
    AutoTradingConfigView updateConfig(SessionId id, AutoTradingConfigView config, Actor actor);

    RiskDisclosure riskDisclosure();

    /** Refused with {@link DeskException.Invalid} on field {@code acceptedDisclosureVersion} unless it is the current version. */
    SessionView enableAutoTrading(SessionId id, String acceptedDisclosureVersion, Actor actor);

    /** Takes effect before the desk handles its next message: no new order after this returns. */
    SessionView disableAutoTrading(SessionId id, Actor actor);

    /** Closes every open position of the session at market. */
    PortfolioView flatten(SessionId id, Actor actor);

    PortfolioView positions(SessionId id);

    PortfolioView closePosition(SessionId id, Ticker ticker, Actor actor);

    /**
     * Adds {@code ticker} to the session's watchlist: its five agents watch it, and the desk may trade
     * it within the session's limits. Invalid (400) for a ticker the feed does not know; a conflict
     * (409) when it is on the list already, the list is full, or the session has stopped.
     */
    SessionView watch(SessionId id, Ticker ticker, Actor actor);

    /**
     * Takes {@code ticker} off the session's watchlist; a conflict (409) for the session's own ticker,
     * a ticker not on the list, and while a position or an order in it is open.
     */
    SessionView unwatch(SessionId id, Ticker ticker, Actor actor);

    PositionView editStops(SessionId id, Ticker ticker, StopsChange change, Actor actor);

    List<ConfirmationView> confirmations(SessionId id);

    /**
     * The user's own order from the ticket, on the session's ticker, through the same RiskEngine and
     * order path as the agents' orders. A refusal is an answer ({@link TicketReceipt#refused}), not
     * an exception; {@link DeskException.Invalid} only for a ticket the desk cannot read.
     */
    TicketReceipt placeOrder(SessionId id, OrderTicketView ticket, Actor actor);

    /** The broker, paper or live, its cash, buying power and equity, and its latest orders as the venue reports them; never waits on the venue. */
    BrokerAccountView brokerAccount();

    /**
     * Confirms a live account by its number, typed by the user: the desk trades it from then on,
     * until it stops. A wrong number is {@link DeskException.Invalid} on {@code accountNumber}; a
     * paper account, which needs no confirmation, a {@link DeskException.Conflict}.
     */
    BrokerAccountView confirmLiveAccount(String accountNumber, Actor actor);

    /** The user's answer to a trade waiting for confirmation; {@code approve=false} denies it. */
    ConfirmationView confirm(SessionId id, String confirmationId, boolean approve, Actor actor);

    DecisionPage decisions(SessionId id, DecisionFilter filter, Paging paging);

    /** Every decision matching {@code filter}, oldest first, for a file export (the edge writes CSV or JSON). */
    List<DecisionEntry> exportDecisions(SessionId id, DecisionFilter filter);

    /** The session's closed trades, in the order they closed (see {@link TradeBook}). */
    List<ClosedTrade> trades(SessionId id);

    /** Every session's closed trades, archived sessions' too, in the order they closed: the account's trade history. */
    List<ClosedTrade> accountTrades();

    /** The session's equity curve, daily P&L and stats, on the account's capital (see {@link PerformanceReport}). */
    Performance performance(SessionId id);

    /** The account's equity curve, daily P&L and stats, over every session's trades. */
    Performance accountPerformance();

    /** The account seen whole: every session's positions, equity, cash and exposures. */
    AccountPortfolioView accountPortfolio();

    /** The account's VaR, Expected Shortfall, stress results and correlations. */
    RiskView risk();

    /** Who answers for each agent now, a model or its rules, and today's spending on models against the budget. */
    ReasoningView reasoning();

    MessagePage messages(SessionId id, long afterSeq, int limit, MessageFilter filter);

    List<AlertView> alerts(SessionId id);

    List<BarView> bars(Ticker ticker, BarInterval interval, int count);

    QuoteView quote(Ticker ticker);

    /** Tickers the market-data feed offers for {@code query} (a symbol or a name), at most {@code max}. */
    TickerSearchView searchTickers(String query, int max);

    /**
     * Journaled stream events of the session with {@code seq > afterSeq}, in seq order, at most
     * {@code limit}. An empty list means the reader has caught up. Used to replay what a
     * reconnecting client missed.
     */
    List<StreamEvent> events(SessionId id, long afterSeq, int limit);

    /**
     * Live events of the session from now on, each with its journal seq, in seq order, until the
     * returned subscription is closed. Contract the edge relies on for a gap-free resume: an event
     * is handed to listeners only after it is readable through {@link #events}. Listeners must not
     * block; {@link StreamEventType#POSITION_UPDATE} events are not journaled and carry the latest
     * journal seq.
     */
    Subscription subscribe(SessionId id, StreamListener listener);

    /** Readiness of the desk's infrastructure, for {@code GET /health}. */
    Health health();
}
