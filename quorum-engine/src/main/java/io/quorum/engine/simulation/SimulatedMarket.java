package io.quorum.engine.simulation;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The embedded default market: a deterministic, seeded simulation of a few tickers on the NYSE
 * calendar. Ticks fall on a fixed grid (every {@code tickInterval} of market time from each
 * session's open, never outside the session), so the same seed gives the same ticks however
 * the time is advanced: in one call, minute by minute, or by the background thread.
 *
 * <p>Drive it synchronously with {@link #advanceTo(Instant)} or {@link #step()} (tests,
 * backtests), or let {@link #start()} follow the clock on a background thread. Listeners are
 * called on the advancing thread, in time order per ticker; a completed 1-minute bar is
 * delivered before the first tick of the next minute. Each simulated jump publishes its
 * headline on {@link #newsFeed()} just before the jump's tick.
 */
public final class SimulatedMarket implements MarketDataFeed {
    static final long CENT_MICROS = 10_000;

    private final Clock clock;
    private final ExchangeCalendar calendar;
    private final long tickMillis;
    private final Duration pollInterval;
    private final boolean skipClosedHours;
    private final SimulatedNewsFeed news;
    private final Map<Ticker, TickerSimulation> simulations;
    private final TickerSimulation[] inOrder;
    private final List<Ticker> tickers;

    private long sessionOpenMillis;
    private long sessionCloseMillis;
    private boolean sessionStarted;
    private long nextTickMillis;

    private final Object runnerLock = new Object();
    private Thread runner;
    private volatile boolean running;

    private SimulatedMarket(Builder builder) {
        this.clock = builder.clock;
        this.calendar = ExchangeCalendar.NYSE;
        this.tickMillis = builder.tickInterval.toMillis();
        this.pollInterval = builder.pollInterval;
        this.skipClosedHours = builder.skipClosedHours;
        this.news = new SimulatedNewsFeed();
        Instant start = builder.start == null ? clock.now() : builder.start;
        enterFirstSession(start);
        List<Instant> historyOpens = historyOpens(builder.historyDays);
        SplittableRandom seeds = new SplittableRandom(builder.seed);
        Map<Ticker, TickerSimulation> byTicker = new LinkedHashMap<>();
        for (TickerProfile profile : builder.profiles.values()) {
            PricePath path = builder.paths.get(profile.ticker());
            List<Bar> history = builder.histories.getOrDefault(profile.ticker(), List.of());
            byTicker.put(profile.ticker(), new TickerSimulation(profile, path, history, historyOpens, tickMillis, seeds.split(), news));
        }
        this.simulations = Collections.unmodifiableMap(byTicker);
        this.inOrder = byTicker.values().toArray(new TickerSimulation[0]);
        this.tickers = List.copyOf(byTicker.keySet());
    }

    /** A market on {@code clock} with the default tickers, seed and timing; see {@link Builder}. */
    public static Builder builder(Clock clock) { return new Builder(clock); }

    public ExchangeCalendar calendar() { return calendar; }

    /** The headlines that go with this market's moves. */
    public SimulatedNewsFeed newsFeed() { return news; }

    // --- driving --------------------------------------------------------------------------

    /** Generates every tick due up to the clock's time. */
    public void step() { advanceTo(clock.now()); }

    /**
     * Generates, in time order, every tick at or before {@code until}, completing 1-minute bars
     * whose minute has ended and daily bars whose session has closed. Times already generated
     * are ignored.
     */
    public synchronized void advanceTo(Instant until) {
        long untilMillis = until.toEpochMilli();
        while (true) {
            if (nextTickMillis >= sessionCloseMillis) {
                if (untilMillis < sessionCloseMillis) break;
                if (sessionStarted) closeSession();
                enterSessionOpeningAt(calendar.nextOpen(Instant.ofEpochMilli(sessionCloseMillis)));
                continue;
            }
            if (nextTickMillis > untilMillis) break;
            if (!sessionStarted) openSession();
            double sessionFraction = (double) (nextTickMillis - sessionOpenMillis) / (sessionCloseMillis - sessionOpenMillis);
            for (TickerSimulation simulation : inOrder) simulation.tick(nextTickMillis, sessionFraction);
            nextTickMillis += tickMillis;
        }
        for (TickerSimulation simulation : inOrder) simulation.completeMinuteEndedBy(untilMillis);
    }

    /** Follows the clock on a background thread, generating ticks every poll interval of wall time. */
    public void start() {
        synchronized (runnerLock) {
            if (runner != null) throw new IllegalArgumentException("the simulated market is already running");
            running = true;
            runner = Thread.ofPlatform().name("simulated-market").daemon().start(this::followClock);
        }
    }

    private void followClock() {
        while (running) {
            try {
                if (skipClosedHours && clock instanceof SimulatedClock simulated && !calendar.isOpen(simulated.now())) {
                    Instant now = simulated.now();
                    advanceTo(now);
                    simulated.jumpTo(calendar.nextOpen(now));
                }
                step();
            } catch (RuntimeException fault) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), fault);
            }
            LockSupport.parkNanos(pollInterval.toNanos());
        }
    }

    /** Stops the background thread, if any, and drops every listener. */
    @Override public void close() {
        Thread stopping;
        synchronized (runnerLock) {
            running = false;
            stopping = runner;
            runner = null;
        }
        if (stopping != null && stopping != Thread.currentThread()) {
            LockSupport.unpark(stopping);
            try {
                stopping.join(pollInterval.toMillis() + 1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (TickerSimulation simulation : inOrder) simulation.unsubscribeAll();
        news.close();
    }

    // --- scenarios ------------------------------------------------------------------------

    /** The next tick of {@code ticker} jumps by {@code fraction} (-0.06 = 6% down), with a headline of the same sign. */
    public synchronized void forceGap(Ticker ticker, double fraction) { simulation(ticker).forceGap(fraction); }

    /** Holds {@code ticker} in {@code regime} from now on, instead of switching at random. */
    public synchronized void forceRegime(Ticker ticker, Regime regime) { simulation(ticker).forceRegime(regime, regime.annualDrift); }

    /** Holds {@code ticker} in a trend of {@code annualDrift} (0.5 = +50% a year) from now on. */
    public synchronized void setDrift(Ticker ticker, double annualDrift) {
        simulation(ticker).forceRegime(annualDrift >= 0 ? Regime.TREND_UP : Regime.TREND_DOWN, annualDrift);
    }

    // --- MarketDataFeed -------------------------------------------------------------------

    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        return simulation(ticker).subscribe(onTick, onBar);
    }

    @Override public synchronized List<Bar> history(Ticker ticker, Duration interval, int count) {
        TickerSimulation simulation = simulation(ticker);
        if (interval.equals(DAILY)) return simulation.dailyHistory(count);
        if (interval.equals(ONE_MINUTE)) return simulation.minuteHistory(count);
        throw new IllegalArgumentException("the simulated market keeps daily and 1-minute bars, not " + interval);
    }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return Optional.ofNullable(simulation(ticker).lastTick()); }

    @Override public List<Ticker> tickers() { return tickers; }

    private TickerSimulation simulation(Ticker ticker) {
        TickerSimulation simulation = simulations.get(ticker);
        if (simulation == null) throw new IllegalArgumentException("the simulated market has no ticker " + ticker + "; it has " + tickers);
        return simulation;
    }

    // --- sessions -------------------------------------------------------------------------

    /** Starts in the session under way at {@code start}, on the next tick of its grid, or else at the next open. */
    private void enterFirstSession(Instant start) {
        Instant previousOpen = calendar.previousOpen(start);
        Instant previousClose = calendar.sessionClose(calendar.tradingDate(previousOpen));
        if (start.isBefore(previousClose)) {
            enterSessionOpeningAt(previousOpen);
            long elapsed = start.toEpochMilli() - sessionOpenMillis;
            nextTickMillis = sessionOpenMillis + (elapsed + tickMillis - 1) / tickMillis * tickMillis;
        } else {
            enterSessionOpeningAt(calendar.nextOpen(start));
        }
    }

    private void enterSessionOpeningAt(Instant open) {
        sessionOpenMillis = open.toEpochMilli();
        sessionCloseMillis = calendar.sessionClose(calendar.tradingDate(open)).toEpochMilli();
        sessionStarted = false;
        nextTickMillis = sessionOpenMillis;
    }

    /** The opens of the {@code days} sessions before the first simulated one, oldest first. */
    private List<Instant> historyOpens(int days) {
        List<Instant> opens = new ArrayList<>(days);
        LocalDate day = calendar.tradingDate(Instant.ofEpochMilli(sessionOpenMillis));
        for (int i = 0; i < days; i++) {
            day = calendar.previousTradingDay(day);
            opens.add(calendar.sessionOpen(day));
        }
        Collections.reverse(opens);
        return opens;
    }

    private void openSession() {
        sessionStarted = true;
        for (TickerSimulation simulation : inOrder) simulation.openSession(sessionOpenMillis);
    }

    private void closeSession() {
        sessionStarted = false;
        for (TickerSimulation simulation : inOrder) simulation.closeSession();
    }

    /** Configures a market; every setting has a default, so {@code builder(clock).build()} is the whole demo market. */
    public static final class Builder {
        private final Clock clock;
        private long seed = 42;
        private final Map<Ticker, TickerProfile> profiles = new LinkedHashMap<>();
        private final Map<Ticker, PricePath> paths = new LinkedHashMap<>();
        private final Map<Ticker, List<Bar>> histories = new LinkedHashMap<>();
        private boolean defaultTickers = true;
        private Instant start;
        private Duration tickInterval = Duration.ofSeconds(1);
        private Duration pollInterval = Duration.ofMillis(250);
        private int historyDays = 300;
        private boolean skipClosedHours = true;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Adds a ticker; the first one added replaces the default tickers. */
        public Builder ticker(TickerProfile profile) {
            if (defaultTickers) {
                defaultTickers = false;
                profiles.clear();
            }
            profiles.put(profile.ticker(), profile);
            return this;
        }

        public Builder ticker(String symbol, String startPrice) {
            return ticker(TickerProfile.of(symbol, startPrice, 0.30, 20_000_000));
        }

        /** Adds a ticker whose prices follow {@code path} (e.g. {@link ScriptedPrices}) instead of the random model. */
        public Builder ticker(String symbol, PricePath path) {
            Ticker ticker = Ticker.of(symbol);
            ticker(new TickerProfile(ticker, path.start(), 0.30, 20_000_000));
            paths.put(ticker, path);
            return this;
        }

        /** Uses these daily bars as the ticker's history instead of generated ones; live prices go on from the last close. */
        public Builder dailyHistory(Ticker ticker, List<Bar> bars) {
            if (bars.isEmpty()) throw new IllegalArgumentException("daily history of " + ticker + " must not be empty");
            for (Bar bar : bars) {
                if (!bar.ticker().equals(ticker) || !bar.interval().equals(DAILY)) {
                    throw new IllegalArgumentException("not a daily bar of " + ticker + ": " + bar);
                }
            }
            histories.put(ticker, List.copyOf(bars));
            return this;
        }

        /** The market instant the simulation starts from; by default the clock's time at build. */
        public Builder start(Instant marketStart) {
            start = Objects.requireNonNull(marketStart, "marketStart");
            return this;
        }

        /** Market time between two ticks of a ticker; 1 second by default. */
        public Builder tickInterval(Duration interval) {
            if (interval.toMillis() <= 0 || interval.toMillis() > 60_000) throw new IllegalArgumentException("tick interval must be within (0, 1 minute]: " + interval);
            tickInterval = interval;
            return this;
        }

        /** Wall time between two catch-ups of the background thread; 250 ms by default. */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("poll interval must be positive: " + interval);
            pollInterval = interval;
            return this;
        }

        /** How many daily bars are generated before the start; 300 by default, so a 200-day average is ready. */
        public Builder historyDays(int days) {
            if (days < 1) throw new IllegalArgumentException("history needs at least one day: " + days);
            historyDays = days;
            return this;
        }

        /** Whether the background thread moves a {@link SimulatedClock} straight to the next open when the market closes; true by default. */
        public Builder skipClosedHours(boolean skip) {
            skipClosedHours = skip;
            return this;
        }

        public SimulatedMarket build() {
            if (defaultTickers) for (TickerProfile profile : TickerProfile.defaults()) profiles.put(profile.ticker(), profile);
            for (Ticker ticker : histories.keySet()) {
                if (!profiles.containsKey(ticker)) throw new IllegalArgumentException("history given for " + ticker + ", which is not in the market");
            }
            return new SimulatedMarket(this);
        }
    }
}
