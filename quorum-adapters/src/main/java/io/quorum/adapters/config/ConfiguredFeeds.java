package io.quorum.adapters.config;

import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.alpaca.AlpacaMarketDataFeed;
import io.quorum.adapters.alpaca.AlpacaNewsFeed;
import io.quorum.adapters.config.QuorumConfig.CsvFile;
import io.quorum.adapters.config.QuorumConfig.MarketProvider;
import io.quorum.adapters.config.QuorumConfig.NewsProvider;
import io.quorum.adapters.csv.BadRows;
import io.quorum.adapters.csv.BarImport;
import io.quorum.adapters.csv.CsvBarReader;
import io.quorum.adapters.csv.CsvReplayFeed;
import io.quorum.adapters.csv.RowProblem;
import io.quorum.adapters.rss.RssNewsFeed;
import io.quorum.adapters.yahoo.YahooMarketDataFeed;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the market and news feeds a configuration names, for a real market: Yahoo Finance,
 * Alpaca, or CSV files. (The simulated market is built by the desk itself, on its simulated clock, with its
 * own news.) A CSV file with bad rows refuses the whole configuration, unless
 * {@code market.csv.skipBadRows} is set; its bars are the history the indicators start from.
 */
public final class ConfiguredFeeds {
    private static final int PROBLEMS_SHOWN_PER_FILE = 20;

    private ConfiguredFeeds() {}

    /** What opening the feeds gave. */
    public sealed interface Opened {}

    /** The feeds, open; closing closes both. */
    public record Feeds(MarketDataFeed market, NewsFeed news) implements Opened, AutoCloseable {
        public Feeds {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(news, "news");
        }

        @Override public void close() {
            news.close();
            market.close();
        }
    }

    /** Nothing was opened; each problem is a sentence for the user. */
    public record Refused(List<String> problems) implements Opened {
        public Refused { problems = List.copyOf(problems); }
    }

    /**
     * Opens the feeds of {@code config}, whose market must not be the simulated one.
     *
     * @param clock the desk's clock, for headlines that carry no date
     */
    public static Opened open(QuorumConfig config, Clock clock) { return open(config, clock, System.getenv()); }

    /**
     * Opens the feeds of {@code config}, whose market must not be the simulated one, with the keys
     * (Alpaca's) read from {@code environment}; a missing key refuses the configuration.
     *
     * @param clock the desk's clock, for headlines that carry no date and for the end of Alpaca's history
     */
    public static Opened open(QuorumConfig config, Clock clock, Map<String, String> environment) {
        MarketProvider provider = config.market().provider();
        if (provider == MarketProvider.SIMULATED) {
            throw new IllegalArgumentException("the simulated market is built by the desk on its simulated clock, not opened from here");
        }
        boolean alpacaNeeded = provider == MarketProvider.ALPACA || config.news().provider() == NewsProvider.ALPACA;
        Optional<AlpacaKeys> keys = alpacaNeeded ? alpacaKeys(config.alpaca(), environment) : Optional.empty();
        if (alpacaNeeded && keys.isEmpty()) {
            return new Refused(List.of(missingKeys(config.alpaca())));
        }
        MarketDataFeed market;
        if (provider == MarketProvider.YAHOO) {
            market = YahooMarketDataFeed.create(config.market().yahoo(), config.market().tickers());
        } else if (provider == MarketProvider.ALPACA) {
            market = AlpacaMarketDataFeed.create(config.alpaca().settings(), keys.orElseThrow(), config.market().tickers(), clock);
        } else {
            List<String> problems = new ArrayList<>();
            Map<Ticker, List<Bar>> bars = csvBars(config, problems);
            if (!problems.isEmpty()) return new Refused(problems);
            market = CsvReplayFeed.of(bars, afterLastBar(bars));
        }
        NewsFeed news = switch (config.news().provider()) {
            case RSS -> RssNewsFeed.create(config.news().feedsFor(market.tickers()), config.news().defaultFeed(), config.news().rss(), clock);
            case ALPACA -> AlpacaNewsFeed.create(config.alpaca().settings(), keys.orElseThrow(), market.tickers());
            case NONE, SIMULATED -> new NoNews();
        };
        return new Feeds(market, news);
    }

    static Optional<AlpacaKeys> alpacaKeys(QuorumConfig.Alpaca alpaca, Map<String, String> environment) {
        return AlpacaKeys.fromEnvironment(environment, alpaca.keyIdVariable(), alpaca.secretKeyVariable());
    }

    /** What to do when the keys are not in the environment, naming the variables and never a value. */
    static String missingKeys(QuorumConfig.Alpaca alpaca) {
        return "Alpaca needs its keys in the environment: export " + alpaca.keyIdVariable() + "=… and "
                + alpaca.secretKeyVariable() + "=… (the names are set by alpaca.keyIdVariable and alpaca.secretKeyVariable)";
    }

    private static Map<Ticker, List<Bar>> csvBars(QuorumConfig config, List<String> problems) {
        CsvBarReader reader = CsvBarReader.nyse();
        BadRows badRows = config.market().csv().skipBadRows() ? BadRows.SKIP : BadRows.REFUSE_FILE;
        Map<Ticker, List<Bar>> bars = new LinkedHashMap<>();
        List<CsvFile> files = config.market().csv().files();
        for (int i = 0; i < files.size(); i++) {
            CsvFile file = files.get(i);
            String where = "market.csv.files[" + i + "] (" + file.path() + ")";
            switch (reader.read(file.path(), file.ticker(), badRows)) {
                case BarImport.Imported imported -> bars.put(file.ticker(), imported.bars());
                case BarImport.Refused refused -> {
                    problems.add(where + ": " + refused.reason());
                    List<RowProblem> rows = refused.problems();
                    for (RowProblem row : rows.subList(0, Math.min(rows.size(), PROBLEMS_SHOWN_PER_FILE))) problems.add(where + ": " + row);
                    if (rows.size() > PROBLEMS_SHOWN_PER_FILE) problems.add(where + ": and " + (rows.size() - PROBLEMS_SHOWN_PER_FILE) + " more bad rows");
                }
            }
        }
        return bars;
    }

    /** The close of the latest bar of any file: every imported bar is then history. */
    private static Instant afterLastBar(Map<Ticker, List<Bar>> bars) {
        ExchangeCalendar calendar = ExchangeCalendar.NYSE;
        Instant latest = Instant.EPOCH;
        for (List<Bar> series : bars.values()) {
            Bar last = series.getLast();
            Instant end = last.interval().equals(MarketDataFeed.DAILY) ? calendar.sessionClose(calendar.tradingDate(last.start())) : last.end();
            if (end.isAfter(latest)) latest = end;
        }
        return latest;
    }

    /** A desk without news: nothing is ever published. */
    private static final class NoNews implements NewsFeed {
        @Override public MarketDataFeed.Subscription subscribe(Consumer<NewsItem> onNews) { return () -> { }; }

        @Override public List<NewsItem> recent(Ticker ticker, int count) { return List.of(); }

        @Override public void close() { }
    }
}
