package io.quorum.adapters.csv;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A market replayed from imported bars. Bars that end at or before the replay's start are the
 * history; the others are published as time reaches their end: one tick at the bar's close price
 * (its time is the bar's end, or the session's close for a daily bar, with the bar's volume as its
 * size), then the bar itself to the bar listeners when it is a 1-minute bar.
 *
 * <p>Drive it with {@link #advanceTo(Instant)} (tests, backtests) or let {@link #start(Clock, Duration)}
 * follow a clock on a background thread. Listeners are called on the advancing thread, in time
 * order across tickers; they must only hand the tick on (the desk's loop enqueues it).
 */
public final class CsvReplayFeed implements MarketDataFeed {
    private final ExchangeCalendar calendar;
    private final Map<Ticker, Replay> replays;
    private final List<Ticker> tickers;
    private Instant now;

    private final Object runnerLock = new Object();
    private ScheduledExecutorService runner;

    private CsvReplayFeed(ExchangeCalendar calendar, Map<Ticker, List<Bar>> bars, Instant start) {
        this.calendar = calendar;
        Map<Ticker, Replay> byTicker = new LinkedHashMap<>();
        for (Map.Entry<Ticker, List<Bar>> entry : bars.entrySet()) {
            List<Bar> series = List.copyOf(entry.getValue());
            for (int i = 0; i < series.size(); i++) {
                Bar bar = series.get(i);
                if (!bar.ticker().equals(entry.getKey())) throw new IllegalArgumentException("bar of " + bar.ticker() + " given for " + entry.getKey());
                if (i > 0 && !bar.start().isAfter(series.get(i - 1).start())) throw new IllegalArgumentException("bars of " + entry.getKey() + " are not in time order at " + bar.start());
            }
            byTicker.put(entry.getKey(), new Replay(series));
        }
        this.replays = Collections.unmodifiableMap(byTicker);
        this.tickers = List.copyOf(byTicker.keySet());
        this.now = start;
        for (Replay replay : replays.values()) replay.skipTo(start, this);
    }

    /** Replays {@code bars} (per ticker, oldest first) from {@code start}: the bars ended by then are history. */
    public static CsvReplayFeed of(Map<Ticker, List<Bar>> bars, Instant start) {
        return new CsvReplayFeed(ExchangeCalendar.NYSE, bars, start);
    }

    /** Replays one imported file from {@code start}. */
    public static CsvReplayFeed of(BarImport.Imported imported, Instant start) {
        return of(Map.of(imported.ticker(), imported.bars()), start);
    }

    /** Publishes, in time order, every bar that ends at or before {@code until}. */
    public void advanceTo(Instant until) {
        while (true) {
            Replay next = null;
            Instant nextAt = null;
            synchronized (this) {
                for (Replay replay : replays.values()) {
                    Instant at = replay.nextPublication(this);
                    if (at != null && !at.isAfter(until) && (nextAt == null || at.isBefore(nextAt))) {
                        next = replay;
                        nextAt = at;
                    }
                }
                if (next == null) {
                    if (until.isAfter(now)) now = until;
                    return;
                }
                now = nextAt;
            }
            next.publishNext(this);
        }
    }

    /** The time of the next bar to be published, if any is left. */
    public synchronized Optional<Instant> nextPublication() {
        Instant earliest = null;
        for (Replay replay : replays.values()) {
            Instant at = replay.nextPublication(this);
            if (at != null && (earliest == null || at.isBefore(earliest))) earliest = at;
        }
        return Optional.ofNullable(earliest);
    }

    /** Follows {@code clock} on a background thread, catching up every {@code poll} of wall time. */
    public void start(Clock clock, Duration poll) {
        Objects.requireNonNull(clock, "clock");
        if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("poll must be positive: " + poll);
        synchronized (runnerLock) {
            if (runner != null) throw new IllegalArgumentException("the replay is already running");
            runner = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("csv-replay").daemon().factory());
            runner.scheduleWithFixedDelay(() -> followClock(clock), 0, poll.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void followClock(Clock clock) {
        try {
            advanceTo(clock.now());
        } catch (RuntimeException fault) {
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), fault);
        }
    }

    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        Replay replay = replay(ticker);
        replay.ticks.add(onTick);
        replay.bars.add(onBar);
        return () -> {
            replay.ticks.remove(onTick);
            replay.bars.remove(onBar);
        };
    }

    @Override public synchronized List<Bar> history(Ticker ticker, Duration interval, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        Replay replay = replay(ticker);
        List<Bar> latest = new ArrayList<>();
        for (int i = replay.published - 1; i >= 0 && latest.size() < count; i--) {
            Bar bar = replay.series.get(i);
            if (bar.interval().equals(interval)) latest.add(bar);
        }
        Collections.reverse(latest);
        return latest;
    }

    @Override public Optional<Tick> lastTick(Ticker ticker) { return Optional.ofNullable(replay(ticker).lastTick); }

    @Override public List<Ticker> tickers() { return tickers; }

    /** Stops following the clock, if it was, and drops every listener. */
    @Override public void close() {
        synchronized (runnerLock) {
            if (runner != null) runner.shutdownNow();
            runner = null;
        }
        for (Replay replay : replays.values()) {
            replay.ticks.clear();
            replay.bars.clear();
        }
    }

    private Replay replay(Ticker ticker) {
        Replay replay = replays.get(ticker);
        if (replay == null) throw new IllegalArgumentException("the replay has no bars of " + ticker + "; it has " + tickers);
        return replay;
    }

    /** When a bar's closing print is published: its end, or the session's close for a daily bar. */
    Instant publicationOf(Bar bar) {
        if (bar.interval().equals(DAILY)) return calendar.sessionClose(calendar.tradingDate(bar.start()));
        return bar.end();
    }

    /** One ticker's bars and how far they have been published. */
    private static final class Replay {
        final List<Bar> series;
        final ListenerList<Tick> ticks = new ListenerList<>();
        final ListenerList<Bar> bars = new ListenerList<>();
        int published;
        volatile Tick lastTick;

        Replay(List<Bar> series) { this.series = series; }

        void skipTo(Instant start, CsvReplayFeed feed) {
            while (published < series.size() && !feed.publicationOf(series.get(published)).isAfter(start)) {
                lastTick = tickOf(series.get(published), feed);
                published++;
            }
        }

        Instant nextPublication(CsvReplayFeed feed) {
            return published < series.size() ? feed.publicationOf(series.get(published)) : null;
        }

        void publishNext(CsvReplayFeed feed) {
            Bar bar;
            Tick tick;
            synchronized (feed) {
                bar = series.get(published);
                published++;
                tick = tickOf(bar, feed);
                lastTick = tick;
            }
            ticks.publish(tick);
            if (bar.interval().equals(ONE_MINUTE)) bars.publish(bar);
        }

        static Tick tickOf(Bar bar, CsvReplayFeed feed) {
            long close = bar.closeMicros();
            return new Tick(bar.ticker(), feed.publicationOf(bar).toEpochMilli(), close, close, close, bar.volume());
        }
    }
}
