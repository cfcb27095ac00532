package io.quorum.engine.backtest;

import io.quorum.engine.backtest.fill.BarFills;
import io.quorum.engine.backtest.fill.Holding;
import io.quorum.engine.backtest.fill.ProtectiveExit;
import io.quorum.engine.backtest.strategy.Signal;
import io.quorum.engine.backtest.strategy.SignalStrategy;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replay, bar by bar on one thread: the strategy reads each close, and {@link CloseDecisions}
 * turns its signal into the next open's order (directly with a fixed size in single-agent mode, or
 * by the desk's vote). Each bar, in this order:
 * <ol>
 *   <li>the replay clock moves to the bar's open, and the order the ticker's previous close decided
 *       fills at this open;</li>
 *   <li>the holding's stop, target and trailing stop are checked against the bar ({@link BarFills});</li>
 *   <li>the clock moves to the bar's close, the trailing stop ratchets on the close, and the
 *       strategy, shown the bar, decides the order for the next open.</li>
 * </ol>
 * Bars of several tickers at one instant are replayed together: every open, then every close.
 * The bars come from an iterator and are not kept, so memory does not grow with the length of the
 * history. The same bars and config always give the same run: nothing here reads the wall clock or
 * iterates a hash map in an order that matters.
 */
public final class Backtest implements ReplayView {
    private final BacktestConfig config;
    private final BarFills fills;
    private final ReplayListener listener;
    private final ManualClock clock;
    private final CloseDecisions decisions;
    private final VetoedTrades vetoed;
    private final Map<Ticker, TickerReplay> tickers = new HashMap<>();
    private final List<String> tickerOrder = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<EquityPoint> equity = new ArrayList<>();
    private final List<PricePoint> chartedPrices = new ArrayList<>();
    private boolean started;
    private Ticker charted;
    private Duration interval;
    private long cashMicros;
    private long marketValueMicros;
    private int holdings;
    private long barsDone;

    /**
     * @param clock     the replay clock, moved to each bar's open and close; whatever else runs on
     *                  replay time (the desk's agents and vote deadlines, the journal) reads it
     * @param decisions who turns each close's signal into an order
     */
    public Backtest(BacktestConfig config, ReplayListener listener, ManualClock clock, CloseDecisions decisions) {
        this.config = config;
        this.fills = new BarFills(config.costs());
        this.listener = listener;
        this.clock = clock;
        this.decisions = decisions;
        this.vetoed = new VetoedTrades(config.costs());
        this.cashMicros = config.startingCash().micros();
    }

    /** A single-agent replay: the strategy's signals executed directly. */
    public Backtest(BacktestConfig config, ReplayListener listener) {
        this(config, listener, replayClock(), new SignalExecution(config));
    }

    /** A clock for a replay: it reads no time until the replay sets it to the first bar's open, however old the bars. */
    public static ManualClock replayClock() { return new ManualClock(Instant.MIN); }

    public Backtest(BacktestConfig config) { this(config, ReplayListener.NONE); }

    /** Replays the bars, in time order (several tickers interleaved, see {@link MergedBars}); a backtest runs once. */
    public BacktestRun run(Iterator<Bar> bars) {
        if (started) throw new IllegalStateException("a backtest runs once");
        List<Bar> sameInstant = new ArrayList<>();
        while (bars.hasNext()) {
            Bar bar = bars.next();
            if (!started) start(bar);
            if (!sameInstant.isEmpty() && !bar.start().equals(sameInstant.getFirst().start())) {
                replay(sameInstant);
                sameInstant.clear();
            }
            sameInstant.add(bar);
        }
        if (!sameInstant.isEmpty()) replay(sameInstant);
        List<Trade> vetoedTrades = started ? finish() : List.of();
        return new BacktestRun(config, decisions.mode(), tickerOrder, interval == null ? Duration.ZERO : interval, barsDone, trades, equity, chartedPrices,
                decisions.tally(), vetoedTrades);
    }

    private void start(Bar first) {
        started = true;
        clock.set(first.start());
        charted = first.ticker();
        interval = first.interval();
    }

    /** The bars of one instant, one per ticker: every open first, then every close, so no ticker's close is seen before another's open. */
    private void replay(List<Bar> sameInstant) {
        Bar first = sameInstant.getFirst();
        moveTo(first.start());
        for (Bar bar : sameInstant) open(tickers.computeIfAbsent(bar.ticker(), this::newTicker), bar);
        moveTo(first.end());
        for (Bar bar : sameInstant) close(tickers.get(bar.ticker()), bar);
        equity.add(new EquityPoint(first.start(), equityMicros(), holdings > 0));
    }

    /**
     * Moves the replay clock on to {@code instant}, unless a decision round has already taken it
     * past (a round that waited out its timeout past the next bar's open): the replay waited for the
     * round, so the bar is handled when the round is done, at the prices of the bar all the same.
     */
    private void moveTo(Instant instant) {
        if (instant.isAfter(clock.now())) clock.set(instant);
    }

    private void open(TickerReplay ticker, Bar bar) {
        if (ticker.lastBar != null && !bar.start().isAfter(ticker.lastBar.start())) {
            throw new IllegalArgumentException("bars of " + bar.ticker() + " out of order: " + bar.start() + " after " + ticker.lastBar.start());
        }
        ticker.barNumber++;
        fillPending(ticker, bar);
        vetoed.open(bar, ticker.barNumber);
        if (ticker.holding != null) {
            Optional<ProtectiveExit> exit = fills.protectiveExit(ticker.holding, bar, ticker.barNumber);
            if (exit.isPresent()) close(ticker, exit.get().priceMicros(), bar.start(), TradeExit.of(exit.get().reason()));
        }
    }

    private void close(TickerReplay ticker, Bar bar) {
        if (ticker.holding != null) ticker.holding = ticker.holding.ratchetedOn(bar.closeMicros());
        markToMarket(ticker, bar.closeMicros());
        ticker.lastBar = bar;
        Signal signal = ticker.strategy.onClose(bar, ticker.holding != null);
        vetoed.close(bar, ticker.strategy.exitSignalled());
        ticker.pending = decisions.decide(bar, signal, this);
        if (ticker.pending instanceof NextOrder.Vetoed veto) vetoed.vetoed(bar.ticker(), veto.wouldHaveBeen());
        if (bar.ticker().equals(charted)) chartedPrices.add(new PricePoint(bar.start(), bar.closeMicros()));
        barsDone++;
        listener.onClose(this, bar);
    }

    private TickerReplay newTicker(Ticker ticker) {
        tickerOrder.add(ticker.symbol());
        return new TickerReplay(new SignalStrategy(ticker, config.strategy()));
    }

    private void fillPending(TickerReplay ticker, Bar bar) {
        switch (ticker.pending) {
            case NextOrder.Enter entry when ticker.holding == null -> {
                long price = fills.marketFill(true, bar);
                long commission = config.costs().commissionMicros(entry.shares(), price);
                ticker.holding = Holding.entered(bar.ticker(), entry.shares(), price, commission, bar.start(), ticker.barNumber, entry.protection().apply(price));
                cashMicros = Math.subtractExact(cashMicros, Math.addExact(Math.multiplyExact(entry.shares(), price), commission));
                holdings++;
                markToMarket(ticker, price);
            }
            case NextOrder.Exit exit when ticker.holding != null -> close(ticker, fills.marketFill(!ticker.holding.isLong(), bar), bar.start(), TradeExit.SIGNAL);
            default -> { }
        }
        ticker.pending = NextOrder.NOTHING;
    }

    private void close(TickerReplay ticker, long priceMicros, Instant time, TradeExit why) {
        Holding holding = ticker.holding;
        long exitCommission = config.costs().commissionMicros(holding.shares(), priceMicros);
        cashMicros = Math.addExact(cashMicros, Math.subtractExact(holding.valueAt(priceMicros), exitCommission));
        trades.add(new Trade(holding.ticker(), holding.isLong() ? Direction.LONG : Direction.SHORT, holding.shares(), holding.entryTime(),
                holding.entryMicros(), time, priceMicros, Math.addExact(holding.entryCommissionMicros(), exitCommission), why,
                ticker.barNumber - holding.entryBar()));
        ticker.holding = null;
        holdings--;
        markToMarket(ticker, priceMicros);
    }

    private void markToMarket(TickerReplay ticker, long priceMicros) {
        long value = ticker.holding == null ? 0 : ticker.holding.valueAt(priceMicros);
        marketValueMicros = Math.addExact(marketValueMicros, Math.subtractExact(value, ticker.marketValueMicros));
        ticker.marketValueMicros = value;
    }

    /**
     * Positions still open when the data ends are closed at their last close, ticker by ticker in
     * the order they first appeared, so that the last equity point equals the starting cash plus
     * the P&L of all trades.
     */
    private List<Trade> finish() {
        for (String symbol : tickerOrder) {
            TickerReplay ticker = tickers.get(new Ticker(symbol));
            if (ticker.holding != null) close(ticker, ticker.lastBar.closeMicros(), ticker.lastBar.start(), TradeExit.END_OF_DATA);
        }
        EquityPoint last = equity.removeLast();
        equity.add(new EquityPoint(last.time(), equityMicros(), last.invested()));
        return vetoed.finish(tickerOrder);
    }

    @Override public Instant now() { return clock.now(); }

    @Override public long barsDone() { return barsDone; }

    @Override public long equityMicros() { return Math.addExact(cashMicros, marketValueMicros); }

    @Override public long marketValueMicros() { return marketValueMicros; }

    @Override public long previousEquityMicros() { return equity.isEmpty() ? config.startingCash().micros() : equity.getLast().equityMicros(); }

    @Override public Optional<SignalStrategy> strategy(Ticker ticker) {
        TickerReplay replay = tickers.get(ticker);
        return replay == null ? Optional.empty() : Optional.of(replay.strategy);
    }

    @Override public Optional<Holding> holding(Ticker ticker) {
        TickerReplay replay = tickers.get(ticker);
        return replay == null ? Optional.empty() : Optional.ofNullable(replay.holding);
    }
}
