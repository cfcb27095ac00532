package io.quorum.adapters.yahoo;

import io.quorum.engine.market.Ticker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The latest chart fetched for each ticker, interval and range, with when it came; bounded, oldest dropped first. */
final class RecentCharts {
    private static final int KEPT = 512;

    private record Key(Ticker ticker, Duration interval, String range) {}

    private record Fetched(ChartAnswer.Chart chart, long atNanos) {}

    private final Map<Key, Fetched> charts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, Fetched> eldest) { return size() > KEPT; }
    };

    synchronized void put(Ticker ticker, Duration interval, String range, ChartAnswer.Chart chart) {
        charts.put(new Key(ticker, interval, range), new Fetched(chart, System.nanoTime()));
    }

    /** The chart if it was fetched less than {@code maxAge} ago. */
    synchronized ChartAnswer.Chart fresh(Ticker ticker, Duration interval, String range, Duration maxAge) {
        Fetched fetched = charts.get(new Key(ticker, interval, range));
        return fetched != null && System.nanoTime() - fetched.atNanos() < maxAge.toNanos() ? fetched.chart() : null;
    }

    /** The chart however old it is. */
    synchronized ChartAnswer.Chart latest(Ticker ticker, Duration interval, String range) {
        Fetched fetched = charts.get(new Key(ticker, interval, range));
        return fetched == null ? null : fetched.chart();
    }
}
