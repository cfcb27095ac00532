package io.quorum.engine.simulation;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.port.FundamentalsProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plausible valuation facts for the simulated tickers: fixed, hand-set figures for the default
 * ones (close to the real companies' order of magnitude, not their latest filings), and seeded
 * figures within a sane range for any other simulated ticker.
 */
public final class SimulatedFundamentals implements FundamentalsProvider {
    private static final String TECHNOLOGY = "Technology";
    private static final String CONSUMER_DISCRETIONARY = "Consumer Discretionary";
    private static final String BROAD_MARKET = "Broad Market ETF";
    private static final Map<String, String[]> SECTOR_AVERAGES = Map.of(
            TECHNOLOGY, new String[] {"30.5", "0.14"},
            CONSUMER_DISCRETIONARY, new String[] {"26.0", "0.09"},
            BROAD_MARKET, new String[] {"22.0", "0.08"});

    private final Map<Ticker, Fundamentals> byTicker = new LinkedHashMap<>();

    /** Facts for the default tickers plus seeded ones for each of {@code others} not among them. */
    public SimulatedFundamentals(Collection<Ticker> others, long seed) {
        put("AAPL", TECHNOLOGY, "29.8", "0.09", "0.05", 57_000_000_000L, "1.45");
        put("MSFT", TECHNOLOGY, "35.2", "0.18", "0.15", 18_000_000_000L, "0.29");
        put("NVDA", TECHNOLOGY, "55.4", "1.05", "0.94", 34_000_000_000L, "0.17");
        put("TSLA", CONSUMER_DISCRETIONARY, "68.0", "-0.23", "0.01", 29_000_000_000L, "0.08");
        put("SPY", BROAD_MARKET, "22.6", "0.07", "0.05", 0L, "0.00");
        SplittableRandom random = new SplittableRandom(seed);
        for (Ticker ticker : others) {
            if (byTicker.containsKey(ticker)) continue;
            put(ticker.symbol(), TECHNOLOGY,
                    decimal(12 + 40 * random.nextDouble(), 1),
                    decimal(-0.10 + 0.40 * random.nextDouble(), 2),
                    decimal(-0.05 + 0.30 * random.nextDouble(), 2),
                    Math.round(-5e9 + 20e9 * random.nextDouble()),
                    decimal(1.5 * random.nextDouble(), 2));
        }
    }

    /** Facts for the default tickers only. */
    public SimulatedFundamentals() { this(java.util.List.of(), 0); }

    @Override public Optional<Fundamentals> fundamentals(Ticker ticker) { return Optional.ofNullable(byTicker.get(ticker)); }

    private void put(String symbol, String sector, String priceToEarnings, String epsGrowth, String revenueGrowth,
                     long netCashDollars, String debtToEquity) {
        String[] sectorAverages = SECTOR_AVERAGES.get(sector);
        Ticker ticker = Ticker.of(symbol);
        byTicker.put(ticker, new Fundamentals(ticker, sector, new BigDecimal(priceToEarnings), new BigDecimal(epsGrowth),
                new BigDecimal(revenueGrowth), Money.ofDollars(netCashDollars), new BigDecimal(debtToEquity),
                new BigDecimal(sectorAverages[0]), new BigDecimal(sectorAverages[1])));
    }

    private static String decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
}
