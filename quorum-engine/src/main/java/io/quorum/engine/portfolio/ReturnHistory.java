package io.quorum.engine.portfolio;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Daily simple returns of several tickers on the same days: {@code r = close ÷ previous close − 1},
 * dated by the later bar's day (UTC). Only days on which every ticker has a return are kept, and of
 * those the latest {@code window}, so that each day is one consistent scenario for the whole portfolio.
 * Immutable; the arrays never leave it.
 */
public final class ReturnHistory {
    private final List<Ticker> tickers;
    private final List<LocalDate> days;
    private final double[][] returns;
    private final Map<Ticker, Integer> indexByTicker;

    private ReturnHistory(List<Ticker> tickers, List<LocalDate> days, double[][] returns) {
        this.tickers = List.copyOf(tickers);
        this.days = List.copyOf(days);
        this.returns = returns;
        this.indexByTicker = new HashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            if (indexByTicker.put(tickers.get(i), i) != null) throw new IllegalArgumentException("ticker twice in a return history: " + tickers.get(i));
        }
    }

    /** Returns given day by day: {@code returns[ticker][day]}, one row per ticker, each row as long as {@code days}. */
    public static ReturnHistory of(List<Ticker> tickers, List<LocalDate> days, double[][] returns) {
        if (tickers.size() != returns.length) throw new IllegalArgumentException("return history: " + tickers.size() + " tickers but " + returns.length + " rows");
        double[][] copy = new double[returns.length][];
        for (int i = 0; i < returns.length; i++) {
            if (returns[i].length != days.size()) throw new IllegalArgumentException("return history: " + tickers.get(i) + " has " + returns[i].length + " returns for " + days.size() + " days");
            for (double value : returns[i]) {
                if (!Double.isFinite(value) || value <= -1) throw new IllegalArgumentException("return history: " + tickers.get(i) + " has an impossible daily return " + value);
            }
            copy[i] = returns[i].clone();
        }
        return new ReturnHistory(tickers, days, copy);
    }

    /** The returns of daily bars (in time order per ticker), on the latest {@code window} days that all tickers share. */
    public static ReturnHistory ofDailyBars(Map<Ticker, List<Bar>> barsByTicker, int window) {
        if (window < 2) throw new IllegalArgumentException("return window: at least 2 days, was " + window);
        Map<Ticker, Map<LocalDate, Double>> returnsByTicker = new TreeMap<>();
        TreeSet<LocalDate> shared = null;
        for (Map.Entry<Ticker, List<Bar>> entry : barsByTicker.entrySet()) {
            Map<LocalDate, Double> byDay = dailyReturns(entry.getValue());
            returnsByTicker.put(entry.getKey(), byDay);
            if (shared == null) shared = new TreeSet<>(byDay.keySet());
            else shared.retainAll(byDay.keySet());
        }
        List<LocalDate> days = new ArrayList<>(shared == null ? new TreeSet<>() : shared);
        days = days.subList(Math.max(0, days.size() - window), days.size());
        List<Ticker> tickers = new ArrayList<>(returnsByTicker.keySet());
        double[][] returns = new double[tickers.size()][days.size()];
        for (int i = 0; i < tickers.size(); i++) {
            Map<LocalDate, Double> byDay = returnsByTicker.get(tickers.get(i));
            for (int d = 0; d < days.size(); d++) returns[i][d] = byDay.get(days.get(d));
        }
        return new ReturnHistory(tickers, days, returns);
    }

    private static Map<LocalDate, Double> dailyReturns(List<Bar> bars) {
        Map<LocalDate, Double> byDay = new HashMap<>();
        for (int b = 1; b < bars.size(); b++) {
            Bar previous = bars.get(b - 1);
            Bar bar = bars.get(b);
            if (!bar.start().isAfter(previous.start())) throw new IllegalArgumentException("daily bars of " + bar.ticker() + " out of order at " + bar.start());
            byDay.put(LocalDate.ofInstant(bar.start(), ZoneOffset.UTC), (double) bar.closeMicros() / previous.closeMicros() - 1);
        }
        return byDay;
    }

    public List<Ticker> tickers() { return tickers; }

    public List<LocalDate> days() { return days; }

    public int dayCount() { return days.size(); }

    /** The ticker's row, or −1 when the history has no returns for it. */
    public int indexOf(Ticker ticker) {
        Integer index = indexByTicker.get(ticker);
        return index == null ? -1 : index;
    }

    public double returnOn(int tickerIndex, int day) { return returns[tickerIndex][day]; }

    /** The sample standard deviation (n − 1) of one ticker's daily returns; zero with fewer than two days. */
    public double dailyVolatility(int tickerIndex) {
        int n = days.size();
        if (n < 2) return 0;
        double[] row = returns[tickerIndex];
        double mean = mean(row);
        double sum = 0;
        for (double value : row) sum += (value - mean) * (value - mean);
        return Math.sqrt(sum / (n - 1));
    }

    double[] row(int tickerIndex) { return returns[tickerIndex]; }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) sum += value;
        return values.length == 0 ? 0 : sum / values.length;
    }
}
