package io.quorum.bench.portfolio;

import io.quorum.bench.LatencyResult;
import io.quorum.bench.Scenario;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.portfolio.Confidence;
import io.quorum.engine.portfolio.CorrelationMatrix;
import io.quorum.engine.portfolio.DailyHistory;
import io.quorum.engine.portfolio.HistoricalVar;
import io.quorum.engine.portfolio.ParametricVar;
import io.quorum.engine.portfolio.RiskReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * S11: the account's VaR recomputed on a position change, historical and parametric at 95% and 99%,
 * with 100 tickers and 500 days of history, as the desk does for every snapshot: the return history
 * and the correlations are kept between changes (they change only with a new day), so a change costs
 * the exposures and the four figures. The same-run baseline rebuilds the correlations on every change.
 */
public final class PortfolioVarScenario implements Scenario {
    static final int TICKERS = 100;
    static final int DAYS = 500;
    private static final String TARGET = "p99 ≤ 5 ms";

    @Override public String id() { return "S11"; }

    @Override public String title() { return "portfolio VaR (historical and parametric, 95% and 99%) on a position change, 100 tickers, 500 days"; }

    @Override public List<Figure> run(Mode mode) {
        int changes = mode == Mode.QUICK ? 5_000 : 50_000;
        int baselineChanges = mode == Mode.QUICK ? 300 : 3_000;
        DailyHistory history = history(new Random(11));
        Book book = new Book(history, new Random(7));
        measure(history, book, changes / 5, false);   // warm-up
        Measured kept = measure(history, book, changes, false);
        Measured rebuilt = measure(history, book, baselineChanges, true);
        List<Figure> figures = new ArrayList<>();
        figures.addAll(describe("VaR on a change, correlations kept", kept, TARGET, kept.wall().getValueAtPercentile(99) <= TimeUnit.MILLISECONDS.toNanos(5)));
        figures.addAll(describe("baseline: correlations rebuilt each change", rebuilt, "", true));
        figures.add(new Figure(id(), "history", "tickers × days", TICKERS + " × " + history.model().returns().dayCount(), ""));
        return figures;
    }

    private List<Figure> describe(String subject, Measured measured, String target, boolean met) {
        String verdict = target.isEmpty() ? "" : target + ": " + LatencyResult.verdict(met);
        Histogram wall = measured.wall();
        Histogram cpu = measured.cpu();
        return List.of(
                new Figure(id(), subject, "p50 µs", micros(wall.getValueAtPercentile(50)), verdict),
                new Figure(id(), subject, "p99 µs", micros(wall.getValueAtPercentile(99)), verdict),
                new Figure(id(), subject, "max µs", micros(wall.getMaxValue()), ""),
                new Figure(id(), subject, "CPU p50 µs", micros(cpu.getValueAtPercentile(50)), ""),
                new Figure(id(), subject, "CPU p99 µs", micros(cpu.getValueAtPercentile(99)), ""),
                new Figure(id(), subject, "changes", Long.toString(wall.getTotalCount()), ""));
    }

    private static String micros(long nanos) { return LatencyResult.format(LatencyResult.micros(nanos)); }

    /** Wall time of each recomputation, and the CPU time of the thread doing it: on a loaded machine the two part. */
    private record Measured(Histogram wall, Histogram cpu) {}

    private static Measured measure(DailyHistory history, Book book, int changes, boolean rebuildCorrelations) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram cpu = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int change = 0; change < changes; change++) {
            book.changeOne();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            double[] exposures = history.model().exposures(book.exposures);
            CorrelationMatrix correlation = rebuildCorrelations ? CorrelationMatrix.of(history.model().returns()) : history.model().correlation();
            HistoricalVar historical = new HistoricalVar(history.model().returns());
            ParametricVar parametric = new ParametricVar(correlation);
            for (Confidence level : RiskReport.LEVELS) {
                sink += historical.tailRisk(exposures, level).valueAtRisk();
                sink += parametric.tailRisk(exposures, level).valueAtRisk();
            }
            latency.recordValue(System.nanoTime() - start);
            cpu.recordValue(Math.max(0, threads.getCurrentThreadCpuTime() - cpuStart));
        }
        if (Double.isNaN(sink)) throw new IllegalStateException("VaR was not a number");
        return new Measured(latency, cpu);
    }

    /** 100 tickers of 501 daily closes: a market factor, a sector factor (ten sectors) and each ticker's own noise. */
    private static DailyHistory history(Random random) {
        DailyHistory history = new DailyHistory(DAYS);
        double[][] closes = new double[TICKERS][DAYS + 1];
        for (int i = 0; i < TICKERS; i++) closes[i][0] = 20 + random.nextDouble() * 400;
        for (int d = 1; d <= DAYS; d++) {
            double market = 0.01 * random.nextGaussian();
            double[] sectors = new double[10];
            for (int s = 0; s < sectors.length; s++) sectors[s] = 0.008 * random.nextGaussian();
            for (int i = 0; i < TICKERS; i++) closes[i][d] = closes[i][d - 1] * (1 + market + sectors[i % 10] + 0.012 * random.nextGaussian());
        }
        Instant first = Instant.parse("2024-01-01T14:30:00Z");
        for (int i = 0; i < TICKERS; i++) {
            Ticker ticker = Ticker.of("T" + i);
            List<Bar> bars = new ArrayList<>(DAYS + 1);
            for (int d = 0; d <= DAYS; d++) {
                long close = Math.round(closes[i][d] * 1_000_000);
                bars.add(new Bar(ticker, first.plus(Duration.ofDays(d)), MarketDataFeed.DAILY, close, close, close, close, 1_000_000));
            }
            history.remember(ticker, bars, "Sector " + (i % 10));
        }
        history.model();
        return history;
    }

    /** The account's exposures; a change sets one ticker's to a new long or short. */
    private static final class Book {
        final Map<Ticker, Money> exposures = new TreeMap<>();
        private final List<Ticker> tickers;
        private final Random random;

        Book(DailyHistory history, Random random) {
            this.tickers = history.model().returns().tickers();
            this.random = random;
            for (Ticker ticker : tickers) exposures.put(ticker, dollars());
        }

        void changeOne() { exposures.put(tickers.get(random.nextInt(tickers.size())), dollars()); }

        private Money dollars() { return Money.ofDollars(random.nextInt(40_001) - 10_000); }
    }
}
