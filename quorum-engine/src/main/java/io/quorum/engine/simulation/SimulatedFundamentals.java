package io.quorum.engine.simulation;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.port.FundamentalsProvider;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plausible valuation facts for the simulated tickers: fixed, hand-set figures for the default
 * ones (close to the real companies' order of magnitude, not their latest filings), and seeded
 * figures within a sane range for any other simulated ticker.
 *
 * <p>{@link #follow} makes the figures move with the simulated news: an earnings headline (one that
 * names the quarterly estimates) revises EPS growth by {@link #EARNINGS_SURPRISE} and revenue growth
 * by {@link #REVENUE_SURPRISE} its way, before any other listener of the feed hears it when the
 * facts follow the feed from the start. Safe to read from any thread.
 */
public final class SimulatedFundamentals implements FundamentalsProvider {
    private static final String TECHNOLOGY = "Technology";
    private static final String CONSUMER_DISCRETIONARY = "Consumer Discretionary";
    private static final String BROAD_MARKET = "Broad Market ETF";
    private static final Map<String, String[]> SECTOR_AVERAGES = Map.of(
            TECHNOLOGY, new String[] {"30.5", "0.14"},
            CONSUMER_DISCRETIONARY, new String[] {"26.0", "0.09"},
            BROAD_MARKET, new String[] {"22.0", "0.08"});

    /** An earnings beat or miss moves EPS growth by this much (5 points). */
    static final BigDecimal EARNINGS_SURPRISE = new BigDecimal("0.05");
    static final BigDecimal REVENUE_SURPRISE = new BigDecimal("0.02");

    private final Map<Ticker, Fundamentals> byTicker = new ConcurrentHashMap<>();

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

    /** Revises the figures on every earnings headline of {@code news} from now on; subscribe it before the desk, so the desk reads the revised ones. */
    public MarketDataFeed.Subscription follow(NewsFeed news) { return news.subscribe(this::revise); }

    private void revise(NewsItem item) {
        String headline = item.headline().toLowerCase(Locale.ROOT);
        if (!headline.contains("quarterly estimates")) return;
        int way = headline.contains("beats") ? 1 : headline.contains("misses") ? -1 : 0;
        if (way == 0) return;
        byTicker.computeIfPresent(item.ticker(), (ticker, facts) -> new Fundamentals(ticker, facts.sector(), facts.priceToEarnings(),
                facts.epsGrowth().add(EARNINGS_SURPRISE.multiply(BigDecimal.valueOf(way))),
                facts.revenueGrowth().add(REVENUE_SURPRISE.multiply(BigDecimal.valueOf(way))),
                facts.netCash(), facts.debtToEquity(), facts.sectorPriceToEarnings(), facts.sectorEpsGrowth()));
    }

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
