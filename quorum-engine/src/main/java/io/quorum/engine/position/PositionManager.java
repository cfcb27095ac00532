package io.quorum.engine.position;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Fill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps the desk's open positions and guards them on every tick: a crossed stop-loss, take-profit
 * or trailing stop is reported at once to the {@link ExitListener}, without a vote.
 *
 * <p>Positions are held per ticker, one per session and ticker, so a tick costs one map lookup
 * plus a walk over that ticker's positions, whatever else is held. Each book also remembers the
 * price range in which no position has anything to do (no level near, no new water mark): most
 * ticks fall inside it and cost two comparisons. In steady state (no level crossed)
 * {@link #onTick} allocates nothing.
 *
 * <p>Not thread-safe: one writer thread calls every method, as for an agent's private state.
 */
public final class PositionManager {
    private final Map<Ticker, TickerBook> books = new HashMap<>();
    private final Map<SessionId, Ledger> ledgers = new HashMap<>();
    private final TradingDayBoundary tradingDay;
    private final ExitListener exitListener;

    /**
     * @param tradingDay the trading day an instant belongs to (exchange calendar); daily P&L restarts when it changes
     * @param exitListener told of every triggered exit, on the calling thread
     */
    public PositionManager(Function<Instant, LocalDate> tradingDay, ExitListener exitListener) {
        this.tradingDay = new TradingDayBoundary(Objects.requireNonNull(tradingDay, "tradingDay"));
        this.exitListener = Objects.requireNonNull(exitListener, "exitListener");
    }

    /** Marks the ticker's positions at the tick's last price and fires the exits whose level it crossed. */
    public void onTick(Tick tick) {
        startNewDayIfDue(tick.epochMillis());
        TickerBook book = books.get(tick.ticker());
        if (book == null) return;
        long price = tick.lastMicros();
        book.lastMicros = price;
        book.hasTick = true;
        if (book.isQuietAt(price)) return;
        PositionState[] positions = book.positions;
        int crossed = 0;
        long floor = Long.MIN_VALUE;
        long ceiling = Long.MAX_VALUE;
        for (int i = 0; i < book.size; i++) {
            PositionState position = positions[i];
            if (position.crossedBy(price)) crossed++;
            floor = Math.max(floor, position.quietFloor());
            ceiling = Math.min(ceiling, position.quietCeiling());
        }
        book.quietFloor = floor;
        book.quietCeiling = ceiling;
        if (crossed > 0) announceExits(book, crossed, tick);
    }

    /**
     * Collects the triggered positions before telling anyone, because a listener that fills the
     * exit synchronously changes the book while we would still be walking it.
     */
    private void announceExits(TickerBook book, int crossed, Tick tick) {
        ExitTriggered[] exits = new ExitTriggered[crossed];
        int found = 0;
        for (int i = 0; i < book.size; i++) {
            PositionState position = book.positions[i];
            if (position.triggeredReason == null) continue;
            exits[found++] = new ExitTriggered(position.session, position.ticker, position.direction(),
                    Math.abs(position.quantity), position.triggeredReason, Price.ofMicros(position.triggeredLevelMicros), tick);
            position.triggeredReason = null;
        }
        for (ExitTriggered exit : exits) exitListener.onExitTriggered(exit);
    }

    /** Applies a fill of {@code session}'s order to its position in the fill's ticker. */
    public void onFill(SessionId session, Fill fill) {
        startNewDayIfDue(fill.time().toEpochMilli());
        Ledger ledger = ledgers.computeIfAbsent(session, ignored -> new Ledger());
        ledger.cashFlowMicros = Math.addExact(ledger.cashFlowMicros, fill.cashDelta().micros());
        ledger.commissionMicros = Math.addExact(ledger.commissionMicros, fill.commission().micros());

        TickerBook book = books.computeIfAbsent(fill.ticker(), TickerBook::new);
        if (!book.hasTick) book.lastMicros = fill.price().micros();
        PositionState position = book.find(session);
        if (position == null) {
            position = new PositionState(session, fill.ticker(), book, ledger);
            book.add(position);
        }
        position.apply(fill.signedQuantity(), fill.price().micros(), fill.time().toEpochMilli());
        book.forgetQuietRange();
        if (position.quantity == 0) book.remove(position);
    }

    /**
     * Puts back the water mark a position had reached before a restart, only ever towards the
     * favourable side, so that a trailing stop never loosens across a restart. False when there
     * is no such position.
     */
    public boolean restoreWaterMark(SessionId session, Ticker ticker, Price waterMark) {
        PositionState position = find(session, ticker);
        if (position == null) return false;
        position.restoreWaterMark(waterMark.micros());
        position.book.forgetQuietRange();
        return true;
    }

    /**
     * Sets the stop-loss, take-profit and trailing stop of a position, after checking them against
     * the current price: a long's stop must be below it and its target above; a short's the other way.
     * A new trailing stop trails from the current price (see {@link PositionState#protect}).
     */
    public ProtectionEdit protect(SessionId session, Ticker ticker, Protection protection) {
        Objects.requireNonNull(protection, "protection");
        PositionState position = find(session, ticker);
        if (position == null) return new ProtectionEdit.Refused("there is no open position in " + ticker);
        String refusal = ProtectionRule.refusal(position.isLong(), Price.ofMicros(position.book.lastMicros), protection);
        if (refusal != null) return new ProtectionEdit.Refused(refusal);
        position.protect(protection, position.book.lastMicros);
        position.book.forgetQuietRange();
        return new ProtectionEdit.Applied(position.snapshot());
    }

    /**
     * Lets a triggered position fire again; for when its exit order was refused or cancelled.
     * False when there is no such position or it was not waiting for an exit.
     */
    public boolean rearm(SessionId session, Ticker ticker) {
        PositionState position = find(session, ticker);
        if (position == null || !position.exitPending) return false;
        position.exitPending = false;
        position.book.forgetQuietRange();
        return true;
    }

    public Optional<Position> position(SessionId session, Ticker ticker) {
        PositionState position = find(session, ticker);
        return position == null ? Optional.empty() : Optional.of(position.snapshot());
    }

    /** The session's open positions, ordered by ticker. */
    public List<Position> positions(SessionId session) {
        List<Position> result = new ArrayList<>();
        for (TickerBook book : books.values()) {
            PositionState position = book.find(session);
            if (position != null) result.add(position.snapshot());
        }
        result.sort((a, b) -> a.ticker().compareTo(b.ticker()));
        return result;
    }

    /** How many positions are open across all sessions. */
    public int openPositionCount() {
        int count = 0;
        for (TickerBook book : books.values()) count += book.size;
        return count;
    }

    public PnlSummary pnl(SessionId session) {
        Ledger ledger = ledgers.get(session);
        if (ledger == null) return PnlSummary.ZERO;
        long unrealised = 0;
        long marketValue = 0;
        for (TickerBook book : books.values()) {
            PositionState position = book.find(session);
            if (position == null) continue;
            unrealised = Math.addExact(unrealised, position.unrealisedMicros(book.lastMicros));
            marketValue = Math.addExact(marketValue, Math.multiplyExact(position.quantity, book.lastMicros));
        }
        long equityChange = Math.addExact(ledger.cashFlowMicros, marketValue);
        return new PnlSummary(
                Money.ofMicros(ledger.realisedMicros),
                Money.ofMicros(unrealised),
                Money.ofMicros(ledger.commissionMicros),
                Money.ofMicros(Math.subtractExact(equityChange, ledger.dayStartEquityMicros)),
                Money.ofMicros(Math.addExact(Math.subtractExact(ledger.realisedMicros, ledger.commissionMicros), unrealised)));
    }

    private PositionState find(SessionId session, Ticker ticker) {
        TickerBook book = books.get(ticker);
        return book == null ? null : book.find(session);
    }

    /** At the first event of a new trading day, every session's equity is marked as the day's starting point. */
    private void startNewDayIfDue(long millis) {
        if (!tradingDay.startsNewDay(millis)) return;
        for (Ledger ledger : ledgers.values()) ledger.dayStartEquityMicros = ledger.cashFlowMicros;
        for (TickerBook book : books.values()) {
            for (int i = 0; i < book.size; i++) {
                PositionState position = book.positions[i];
                position.ledger.dayStartEquityMicros = Math.addExact(position.ledger.dayStartEquityMicros,
                        Math.multiplyExact(position.quantity, book.lastMicros));
            }
        }
    }
}
