package io.quorum.adapters.config;

import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.alpaca.AlpacaSettings;
import io.quorum.adapters.alpaca.trading.AlpacaTradingSettings;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.adapters.notify.NotifySettings;
import io.quorum.adapters.rss.RssNewsFeed;
import io.quorum.adapters.rss.RssSettings;
import io.quorum.adapters.yahoo.YahooSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.portfolio.RiskSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The desk's configuration, as read from {@code quorum.yml} and the environment. With no file at
 * all it is {@link #defaults()}: the simulated market and its news, no key and no network.
 * Secrets are never part of it: they are read from the environment by the adapter that needs them.
 */
public record QuorumConfig(Market market, News news, Alpaca alpaca, LlmSettings llm, Broker broker, NotifySettings notifications, RiskSettings risk) {
    public QuorumConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(news, "news");
        Objects.requireNonNull(alpaca, "alpaca");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(risk, "risk");
    }

    /** A configuration that uses neither Alpaca nor a language model, on the paper broker, notifying no one, with the default risk settings. */
    public QuorumConfig(Market market, News news) { this(market, news, Alpaca.defaults(), LlmSettings.none(), Broker.paper(), NotifySettings.none(), RiskSettings.defaults()); }

    public static QuorumConfig defaults() {
        return new QuorumConfig(
                new Market(MarketProvider.SIMULATED, List.of(), Duration.ofSeconds(60), new Simulated(42, 60), YahooSettings.defaults(), new Csv(List.of(), false)),
                new News(NewsProvider.SIMULATED, RssSettings.defaults(), RssNewsFeed.YAHOO_HEADLINES, Map.of()));
    }

    /** Where prices come from. */
    public enum MarketProvider { SIMULATED, YAHOO, CSV, ALPACA }

    /** Where headlines come from; {@code NONE} is a desk without news. */
    public enum NewsProvider { SIMULATED, RSS, NONE, ALPACA }

    /** Where orders go: the desk's own paper broker, or an Alpaca account. */
    public enum BrokerProvider { PAPER, ALPACA }

    /**
     * The broker orders go to. An Alpaca account trades on its paper server unless {@code live}
     * says otherwise, in so many words; the keys are those of the {@code alpaca} section's variables.
     *
     * @param alpaca how the Alpaca account is reached, when it is the provider
     */
    public record Broker(BrokerProvider provider, boolean live, AlpacaTradingSettings alpaca) {
        public Broker {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(alpaca, "alpaca");
            if (live && provider != BrokerProvider.ALPACA) throw new IllegalArgumentException("live: only an Alpaca account trades live");
        }

        /** The desk's own paper broker: no account, no key, no network. */
        public static Broker paper() { return new Broker(BrokerProvider.PAPER, false, AlpacaTradingSettings.of(false)); }
    }

    /**
     * How Alpaca's market data and news are reached, for {@code market.provider: alpaca} and
     * {@code news.provider: alpaca} alike. The keys themselves are never here: only the names of
     * the environment variables that hold them.
     */
    public record Alpaca(AlpacaSettings settings, String keyIdVariable, String secretKeyVariable) {
        public Alpaca {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(keyIdVariable, "keyIdVariable");
            Objects.requireNonNull(secretKeyVariable, "secretKeyVariable");
        }

        /** The real servers, the IEX feed, and the keys in {@code APCA_API_KEY_ID} and {@code APCA_API_SECRET_KEY}. */
        public static Alpaca defaults() { return new Alpaca(AlpacaSettings.defaults(), AlpacaKeys.KEY_ID_VARIABLE, AlpacaKeys.SECRET_KEY_VARIABLE); }
    }

    /**
     * @param tickers    the tickers to watch (the simulated market has its own when empty)
     * @param staleAfter how long without an update during market hours makes the feed stale
     */
    public record Market(MarketProvider provider, List<Ticker> tickers, Duration staleAfter, Simulated simulated, YahooSettings yahoo, Csv csv) {
        public Market {
            Objects.requireNonNull(provider, "provider");
            tickers = List.copyOf(tickers);
            Objects.requireNonNull(staleAfter, "staleAfter");
            Objects.requireNonNull(simulated, "simulated");
            Objects.requireNonNull(yahoo, "yahoo");
            Objects.requireNonNull(csv, "csv");
        }
    }

    /** The simulated market: its seed, and how many market seconds pass per wall second. */
    public record Simulated(long seed, double speed) {}

    /** Files to replay, one per ticker, and whether their bad rows are skipped (otherwise a bad row refuses the file). */
    public record Csv(List<CsvFile> files, boolean skipBadRows) {
        public Csv { files = List.copyOf(files); }
    }

    public record CsvFile(Ticker ticker, Path path) {
        public CsvFile {
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * @param defaultFeed the feed read for a ticker with none of its own; {@code {ticker}} stands for the symbol
     * @param feeds       the feeds of particular tickers
     */
    public record News(NewsProvider provider, RssSettings rss, String defaultFeed, Map<Ticker, List<URI>> feeds) {
        public News {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(rss, "rss");
            Objects.requireNonNull(defaultFeed, "defaultFeed");
            Map<Ticker, List<URI>> copy = new LinkedHashMap<>();
            feeds.forEach((ticker, urls) -> copy.put(ticker, List.copyOf(urls)));
            feeds = java.util.Collections.unmodifiableMap(copy);
        }

        /** The feeds to read for {@code tickers}: each ticker's own, or the default feed made for it. */
        public Map<Ticker, List<URI>> feedsFor(List<Ticker> tickers) {
            Map<Ticker, List<URI>> all = new LinkedHashMap<>();
            for (Ticker ticker : tickers) all.put(ticker, feeds.getOrDefault(ticker, List.of(RssNewsFeed.feedFor(defaultFeed, ticker))));
            feeds.forEach(all::putIfAbsent);
            return all;
        }
    }
}
