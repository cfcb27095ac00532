package io.quorum.bench.backtest;

import io.quorum.bench.Scenario;
import io.quorum.engine.backtest.Backtest;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.MergedBars;
import io.quorum.engine.backtest.desk.DeskVotes;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.time.ManualClock;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.backtest.strategy.Ta4jRules;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * S6: bars per second through a single-agent backtest of sma-cross:10,30 on 100 tickers × 20,000
 * generated daily bars (2 million), streamed and interleaved by time as files would be. The baseline
 * in the same run is ta4j's {@link BarSeriesManager} running the same rules ({@link Ta4jRules}) on
 * the same bars, one series a ticker, the time to fill each series counted, as the replay's time to
 * take in each bar is. The same bars then go through the five agents' vote, timed the same way, and also on the
 * CPU time of the thread that runs it, which a machine loaded by other work moves far less. Peak heap is
 * measured in a separate, untimed pass of each subject, which is also its warm-up: the heap still in use
 * after a full collection every 262,144 bars, the most of those samples, so that it shows what the
 * run holds rather than the garbage not yet collected.
 */
public final class BacktestThroughput implements Scenario {
    private static final int TICKERS = 100;
    private static final int BARS_PER_TICKER = 20_000;
    private static final StrategySpec SMA_CROSS = StrategySpec.parse("sma-cross:10,30");

    @Override public String id() { return "S6"; }

    @Override public String title() { return "backtest: bars/s of sma-cross:10,30 single-agent and through the five agents' vote on 100 tickers x 20,000 bars, against ta4j's BarSeriesManager"; }

    @Override public List<Figure> run(Mode mode) {
        int rounds = mode == Mode.QUICK ? 2 : 5;
        long bars = (long) TICKERS * BARS_PER_TICKER;
        HeapSampler replayHeap = new HeapSampler(true);
        replay(replayHeap);
        HeapSampler baselineHeap = new HeapSampler(true);
        baseline(baselineHeap);
        long replayNanos = Long.MAX_VALUE;
        long baselineNanos = Long.MAX_VALUE;
        long trades = 0;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            trades = replay(new HeapSampler(false)).trades().size();
            replayNanos = Math.min(replayNanos, System.nanoTime() - started);
            started = System.nanoTime();
            baseline(new HeapSampler(false));
            baselineNanos = Math.min(baselineNanos, System.nanoTime() - started);
        }
        double replayRate = bars * 1e9 / replayNanos;
        double baselineRate = bars * 1e9 / baselineNanos;
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(id(), "single-agent backtest", "bars/s (best of " + rounds + ")", String.format("%,.0f", replayRate), ">= 500,000"));
        figures.add(new Figure(id(), "single-agent backtest", "x ta4j", String.format("%.2f", replayRate / baselineRate), ">= 0.5"));
        figures.add(new Figure(id(), "single-agent backtest", "peak heap MiB", Long.toString(replayHeap.peak >> 20), "bounded"));
        figures.add(new Figure(id(), "single-agent backtest", "trades", Long.toString(trades), ""));
        HeapSampler deskHeap = new HeapSampler(true);
        BacktestRun desk = deskReplay(deskHeap);
        long deskNanos = Long.MAX_VALUE;
        long deskCpuNanos = Long.MAX_VALUE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            deskReplay(new HeapSampler(false));
            deskCpuNanos = Math.min(deskCpuNanos, threads.getCurrentThreadCpuTime() - cpuStarted);
            deskNanos = Math.min(deskNanos, System.nanoTime() - started);
        }
        double deskRate = bars * 1e9 / deskNanos;
        figures.add(new Figure(id(), "five-agent desk backtest", "bars/s (best of " + rounds + ")", String.format("%,.0f", deskRate), ">= 100,000"));
        figures.add(new Figure(id(), "five-agent desk backtest", "bars/s of its thread's CPU time", String.format("%,.0f", bars * 1e9 / deskCpuNanos), ""));
        figures.add(new Figure(id(), "five-agent desk backtest", "peak heap MiB", Long.toString(deskHeap.peak >> 20), "bounded"));
        figures.add(new Figure(id(), "five-agent desk backtest", "decision rounds", Integer.toString(desk.decisions().rounds()), ""));
        figures.add(new Figure(id(), "five-agent desk backtest", "trades", Integer.toString(desk.trades().size()), ""));
        figures.add(new Figure(id(), "ta4j BarSeriesManager", "bars/s (best of " + rounds + ")", String.format("%,.0f", baselineRate), "baseline"));
        figures.add(new Figure(id(), "ta4j BarSeriesManager", "peak heap MiB", Long.toString(baselineHeap.peak >> 20), "baseline"));
        return figures;
    }

    private static BacktestRun replay(HeapSampler heap) {
        List<Iterator<Bar>> streams = new ArrayList<>();
        for (int t = 0; t < TICKERS; t++) streams.add(new GeneratedBars(Ticker.of("T" + t), BARS_PER_TICKER, t));
        return new Backtest(BacktestConfig.defaults().withStrategy(SMA_CROSS), (view, bar) -> heap.sample(view.barsDone())).run(new MergedBars(streams));
    }

    /** The same bars through the five rule-based agents' vote, journaled nowhere: S9 measures the journal. */
    private static BacktestRun deskReplay(HeapSampler heap) {
        List<Iterator<Bar>> streams = new ArrayList<>();
        for (int t = 0; t < TICKERS; t++) streams.add(new GeneratedBars(Ticker.of("T" + t), BARS_PER_TICKER, t));
        BacktestConfig config = BacktestConfig.defaults().withStrategy(SMA_CROSS);
        ManualClock clock = Backtest.replayClock();
        DeskVotes votes = new DeskVotes(clock, new UnkeptJournal(clock), DeskSettings.defaults(), SMA_CROSS);
        return new Backtest(config, (view, bar) -> heap.sample(view.barsDone()), clock, votes).run(new MergedBars(streams));
    }

    private static long baseline(HeapSampler heap) {
        NumFactory numbers = DoubleNumFactory.getInstance();
        long positions = 0;
        long added = 0;
        for (int t = 0; t < TICKERS; t++) {
            BarSeries series = new BaseBarSeriesBuilder().withName("T" + t).withNumFactory(numbers).build();
            GeneratedBars bars = new GeneratedBars(Ticker.of("T" + t), BARS_PER_TICKER, t);
            while (bars.hasNext()) {
                Bar bar = bars.next();
                series.addBar(new BaseBar(bar.interval(), bar.start(), bar.end(), numbers.numOf((double) bar.openMicros()), numbers.numOf((double) bar.highMicros()),
                        numbers.numOf((double) bar.lowMicros()), numbers.numOf((double) bar.closeMicros()), numbers.numOf(bar.volume()), numbers.zero(), 0));
                heap.sample(++added);
            }
            positions += new BarSeriesManager(series).run(Ta4jRules.of(SMA_CROSS, series).strategy()).getPositionCount();
        }
        return positions;
    }

    /** When sampling, the heap in use after a full collection every 262,144 bars, the most of those samples; otherwise nothing, so timed passes stay undisturbed. */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final boolean sampling;
        private long peak;

        HeapSampler(boolean sampling) { this.sampling = sampling; }

        void sample(long bars) {
            if (!sampling || (bars & 0x3FFFF) != 0) return;
            System.gc();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }
}
