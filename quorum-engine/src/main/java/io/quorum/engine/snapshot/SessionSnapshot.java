package io.quorum.engine.snapshot;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.position.PnlSummary;
import io.quorum.engine.position.Position;
import io.quorum.engine.risk.TradingState;
import io.quorum.engine.session.AutoTradingConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One session inside a {@link DeskSnapshot}: its limits in force, its trading state, its
 * positions and P&L, and the orders still working.
 *
 * @param journalSeq        the seq of the session's last journal entry this snapshot reflects
 * @param workingQuantities signed shares of the orders still working, by ticker
 */
public record SessionSnapshot(SessionId id, Ticker ticker, AutoTradingConfig limits, TradingState tradingState, String tradingStateReason,
        List<Position> positions, PnlSummary pnl, int tradesToday, Map<Ticker, Long> workingQuantities, long journalSeq) {
    public SessionSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(tradingState, "tradingState");
        Objects.requireNonNull(tradingStateReason, "tradingStateReason");
        positions = List.copyOf(positions);
        Objects.requireNonNull(pnl, "pnl");
        if (tradesToday < 0) throw new IllegalArgumentException("tradesToday: must not be negative, was " + tradesToday);
        workingQuantities = Map.copyOf(workingQuantities);
        if (journalSeq < 0) throw new IllegalArgumentException("journalSeq: must not be negative, was " + journalSeq);
    }

    public Optional<Position> position(Ticker ticker) {
        for (Position position : positions) {
            if (position.ticker().equals(ticker)) return Optional.of(position);
        }
        return Optional.empty();
    }

    /** The market value of every position, at its last price (at cost before the first tick). */
    public Money grossValue() {
        Money gross = Money.ZERO;
        for (Position position : positions) gross = gross.plus(position.marketValue());
        return gross;
    }
}
