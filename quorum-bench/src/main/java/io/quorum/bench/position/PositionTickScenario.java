package io.quorum.bench.position;

import io.quorum.bench.Scenario;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Side;
import io.quorum.engine.position.PositionManager;
import io.quorum.engine.position.Protection;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * S5: ticks through the position manager on one thread, with 10,000 open positions over 100
 * tickers whose stops and targets are far from the market, so almost no tick triggers. Every
 * 1,000th tick is a gap that crosses one armed position's stop: its tick-to-exit latency goes into
 * a histogram. The baseline walks all 10,000 positions on every tick, as a manager without
 * per-ticker books would.
 */
public final class PositionTickScenario implements Scenario {
    private static final int TICKERS = 100;
    private static final int SESSIONS = 100;
    private static final int TICK_SET = 1 << 16;
    private static final int TRIGGER_EVERY = 1_000;
    private static final long ENTRY_MICROS = 100_000_000L;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long START_MILLIS = Instant.parse("2025-03-03T14:30:00Z").toEpochMilli();

    @Override public String id() { return "S5"; }

    @Override public String title() { return "position manager: ticks/s, tick-to-exit latency and bytes per tick, 10,000 positions over 100 tickers"; }

    @Override
    public List<Figure> run(Mode mode) {
        int ticks = mode == Mode.QUICK ? 5_000_000 : 50_000_000;
        Ticker[] tickers = new Ticker[TICKERS];
        for (int t = 0; t < TICKERS; t++) tickers[t] = Ticker.of("T" + t);
        Tick[] quiet = quietTicks(tickers);
        Tick trigger = new Tick(tickers[0], START_MILLIS, 80_000_000L, 79_990_000L, 80_010_000L, 100);

        long[] exitNanos = new long[1];
        PositionManager positions = new PositionManager(instant -> LocalDate.ofInstant(instant, NEW_YORK), exit -> exitNanos[0] = System.nanoTime());
        SessionId trigger0 = open(positions, tickers);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Histogram latency = new Histogram(1_000_000_000L, 3);
        runManager(positions, quiet, trigger, trigger0, exitNanos, latency, ticks / 5);
        latency.reset();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        runManager(positions, quiet, trigger, trigger0, exitNanos, latency, ticks);
        long elapsed = System.nanoTime() - started;
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        NaiveScan naive = new NaiveScan(tickers);
        int baselineTicks = Math.max(TICK_SET, ticks / 100);
        naive.run(quiet, baselineTicks / 5);
        long naiveStarted = System.nanoTime();
        long naiveTriggers = naive.run(quiet, baselineTicks);
        long naiveElapsed = System.nanoTime() - naiveStarted;

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(id(), "PositionManager", "ticks/s", perSecond(ticks, elapsed), ">= 5,000,000"));
        // On a shared machine the thread is not always on a core; per CPU-second shows the code's own speed.
        figures.add(new Figure(id(), "PositionManager", "ticks per CPU-second", perSecond(ticks, cpu), ">= 5,000,000"));
        figures.add(new Figure(id(), "PositionManager", "tick->exit p50 µs", micros(latency.getValueAtPercentile(50)), ""));
        figures.add(new Figure(id(), "PositionManager", "tick->exit p99 µs", micros(latency.getValueAtPercentile(99)), "<= 20"));
        figures.add(new Figure(id(), "PositionManager", "exits measured", Long.toString(latency.getTotalCount()), ""));
        figures.add(new Figure(id(), "PositionManager", "bytes/tick (incl. exits)", String.format("%.3f", (double) allocated / ticks), "~0"));
        figures.add(new Figure(id(), "naive scan of all positions", "ticks/s", perSecond(baselineTicks, naiveElapsed), "baseline"));
        figures.add(new Figure(id(), "naive scan of all positions", "triggers seen", Long.toString(naiveTriggers), "0"));
        return figures;
    }

    /** Every session holds 100 shares of every ticker at 100, alternately long and short, with levels at ±50%. */
    private static SessionId open(PositionManager positions, Ticker[] tickers) {
        Instant opened = Instant.ofEpochMilli(START_MILLIS);
        SessionId first = null;
        for (int s = 0; s < SESSIONS; s++) {
            SessionId session = SessionId.of("s" + s);
            if (first == null) first = session;
            for (Ticker ticker : tickers) {
                Side side = s % 2 == 0 ? Side.BUY : Side.SELL;
                positions.onFill(session, new Fill(ticker + "-" + s, ClientOrderId.of(ticker + "-" + s), ticker, side, 100,
                        Price.ofMicros(ENTRY_MICROS), Money.ZERO, opened));
                positions.protect(session, ticker, side == Side.BUY ? Protection.of("50", "150", "40") : Protection.of("150", "50", "40"));
            }
        }
        // The one position the trigger ticks are aimed at: a long with a stop just under the market.
        positions.protect(first, tickers[0], Protection.of("90", "150", null));
        return first;
    }

    /** A random walk within ±1% of the entry, across all tickers: never near a level. */
    private static Tick[] quietTicks(Ticker[] tickers) {
        SplittableRandom random = new SplittableRandom(5);
        Tick[] ticks = new Tick[TICK_SET];
        for (int i = 0; i < TICK_SET; i++) {
            long last = ENTRY_MICROS + random.nextLong(-1_000_000L, 1_000_000L);
            ticks[i] = new Tick(tickers[random.nextInt(TICKERS)], START_MILLIS + i, last, last - 10_000, last + 10_000, 100);
        }
        return ticks;
    }

    private static void runManager(PositionManager positions, Tick[] quiet, Tick trigger, SessionId armed, long[] exitNanos, Histogram latency, int ticks) {
        for (int i = 0; i < ticks; i++) {
            if (i % TRIGGER_EVERY == TRIGGER_EVERY - 1) {
                long before = System.nanoTime();
                positions.onTick(trigger);
                latency.recordValue(Math.max(0, exitNanos[0] - before));
                positions.rearm(armed, trigger.ticker());
            } else {
                positions.onTick(quiet[i & (TICK_SET - 1)]);
            }
        }
    }

    private static String perSecond(long count, long nanos) { return String.format("%,.0f", count * 1e9 / nanos); }

    private static String micros(long nanos) { return String.format("%.2f", nanos / 1_000.0); }

    /** Every position in one flat array, with its ticker compared on every tick: the cost grows with all positions held. */
    private static final class NaiveScan {
        private final Ticker[] tickerOf = new Ticker[TICKERS * SESSIONS];
        private final long[] stop = new long[TICKERS * SESSIONS];
        private final long[] target = new long[TICKERS * SESSIONS];
        private final boolean[] isLong = new boolean[TICKERS * SESSIONS];

        NaiveScan(Ticker[] tickers) {
            int p = 0;
            for (int s = 0; s < SESSIONS; s++) {
                for (Ticker ticker : tickers) {
                    tickerOf[p] = ticker;
                    isLong[p] = s % 2 == 0;
                    stop[p] = isLong[p] ? 50_000_000L : 150_000_000L;
                    target[p] = isLong[p] ? 150_000_000L : 50_000_000L;
                    p++;
                }
            }
        }

        long run(Tick[] ticks, int count) {
            long triggers = 0;
            for (int i = 0; i < count; i++) {
                Tick tick = ticks[i & (TICK_SET - 1)];
                long price = tick.lastMicros();
                for (int p = 0; p < tickerOf.length; p++) {
                    if (!tickerOf[p].equals(tick.ticker())) continue;
                    boolean crossed = isLong[p] ? price <= stop[p] || price >= target[p] : price >= stop[p] || price <= target[p];
                    if (crossed) triggers++;
                }
            }
            return triggers;
        }
    }
}
