package io.quorum.engine.portfolio;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What risk remembers of the market: the daily bars of every ticker the desk watches and its sector,
 * from which it builds the {@link RiskModel} over the latest {@code window} days, rebuilt only when
 * the bars change (a ticker added, a new day), so that measuring a position change costs only the VaR
 * itself. Owned by one thread: the engine loop.
 */
public final class DailyHistory {
    /** The average true range is the simple mean of the last 14 days' true ranges. */
    static final int ATR_DAYS = 14;

    private final int window;
    private final Map<Ticker, List<Bar>> bars = new TreeMap<>();
    private final Map<Ticker, String> sectors = new TreeMap<>();
    private final Map<Ticker, Price> averageTrueRanges = new TreeMap<>();
    private RiskModel model;

    public DailyHistory(int window) {
        if (window < 2 || window > 5_000) throw new IllegalArgumentException("risk window: from 2 to 5000 days, was " + window);
        this.window = window;
    }

    /** Takes a ticker's daily bars (in time order) and its sector, replacing what was known of it. */
    public void remember(Ticker ticker, List<Bar> dailyBars, String sector) {
        bars.put(ticker, List.copyOf(dailyBars));
        sectors.put(ticker, sector == null || sector.isBlank() ? Portfolio.UNKNOWN_SECTOR : sector);
        Price atr = averageTrueRange(dailyBars);
        if (atr == null) averageTrueRanges.remove(ticker);
        else averageTrueRanges.put(ticker, atr);
        model = null;
    }

    public int window() { return window; }

    public Map<Ticker, String> sectors() { return sectors; }

    /** The return history, correlations, stress test and sectors as they are now; rebuilt only after {@link #remember}. */
    public RiskModel model() {
        if (model == null) {
            Map<Ticker, List<Bar>> withReturns = new TreeMap<>();
            bars.forEach((ticker, daily) -> {
                if (daily.size() >= 2) withReturns.put(ticker, daily);
            });
            ReturnHistory returns = ReturnHistory.ofDailyBars(withReturns, window);
            model = new RiskModel(returns, CorrelationMatrix.of(returns), new StressTest(averageTrueRanges, bars), sectors);
        }
        return model;
    }

    private static Price averageTrueRange(List<Bar> daily) {
        if (daily.size() <= ATR_DAYS) return null;
        long sum = 0;
        for (int b = daily.size() - ATR_DAYS; b < daily.size(); b++) {
            Bar bar = daily.get(b);
            long previousClose = daily.get(b - 1).closeMicros();
            sum += Math.max(bar.highMicros(), previousClose) - Math.min(bar.lowMicros(), previousClose);
        }
        return sum == 0 ? null : Price.ofMicros(sum / ATR_DAYS);
    }
}
