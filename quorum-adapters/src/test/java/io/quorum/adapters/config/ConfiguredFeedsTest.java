package io.quorum.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.adapters.csv.CsvReplayFeed;
import io.quorum.adapters.rss.RssNewsFeed;
import io.quorum.adapters.yahoo.YahooMarketDataFeed;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.time.SystemClock;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredFeedsTest {
    private static final Ticker ACME = Ticker.of("ACME");

    private static QuorumConfig config(String yaml) {
        ConfigResult result = QuorumConfigLoader.parse(yaml, "quorum.yml", Map.of());
        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    private static String acmeDaily() throws URISyntaxException {
        return Path.of(ConfiguredFeedsTest.class.getResource("/csv/acme-daily.csv").toURI()).toString();
    }

    /** The servers named are local and closed: opening the feeds must not reach the internet. */
    @Test
    void a_yahoo_configuration_opens_the_yahoo_feed_on_its_tickers_with_rss_news() {
        ConfiguredFeeds.Opened opened = ConfiguredFeeds.open(config("""
                market: {provider: yahoo, tickers: [AAPL, MSFT], yahoo: {baseUrl: "http://127.0.0.1:9"}}
                news: {rss: {defaultFeed: "http://127.0.0.1:9/rss?s={ticker}"}}
                """), SystemClock.INSTANCE);

        assertThat(opened).isInstanceOfSatisfying(ConfiguredFeeds.Feeds.class, feeds -> {
            try (feeds) {
                assertThat(feeds.market()).isInstanceOf(YahooMarketDataFeed.class);
                assertThat(feeds.market().tickers()).containsExactly(Ticker.of("AAPL"), Ticker.of("MSFT"));
                assertThat(feeds.news()).isInstanceOf(RssNewsFeed.class);
            }
        });
    }

    @Test
    void a_csv_configuration_replays_its_files_as_history_without_news() throws URISyntaxException {
        String yaml = "market: {provider: csv, csv: {files: [{ticker: ACME, path: '" + acmeDaily() + "'}]}}\nnews: {provider: none}";

        ConfiguredFeeds.Opened opened = ConfiguredFeeds.open(config(yaml), SystemClock.INSTANCE);

        assertThat(opened).isInstanceOfSatisfying(ConfiguredFeeds.Feeds.class, feeds -> {
            try (feeds) {
                assertThat(feeds.market()).isInstanceOf(CsvReplayFeed.class);
                assertThat(feeds.market().history(ACME, MarketDataFeed.DAILY, 10)).hasSize(5);
                assertThat(feeds.news().recent(ACME, 10)).isEmpty();
            }
        });
    }

    @Test
    void a_csv_file_with_bad_rows_refuses_the_configuration_unless_they_are_skipped(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("acme.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-03-04,10.00,11.00,9.50,10.50,10.50,1000
                2024-03-05,10.00,9.00,9.50,9.25,9.25,100
                """);
        String files = "{files: [{ticker: ACME, path: '" + file + "'}]";

        assertThat(ConfiguredFeeds.open(config("market: {provider: csv, csv: " + files + "}}\nnews: {provider: none}"), SystemClock.INSTANCE))
                .isInstanceOfSatisfying(ConfiguredFeeds.Refused.class, refused -> assertThat(refused.problems()).containsExactly(
                        "market.csv.files[0] (" + file + "): 1 bad row; nothing imported (skip bad rows to import the others)",
                        "market.csv.files[0] (" + file + "): line 3: high 9.00 is below low 9.50"));
        assertThat(ConfiguredFeeds.open(config("market: {provider: csv, csv: " + files + ", skipBadRows: true}}\nnews: {provider: none}"), SystemClock.INSTANCE))
                .isInstanceOfSatisfying(ConfiguredFeeds.Feeds.class, feeds -> {
                    try (feeds) {
                        assertThat(feeds.market().history(ACME, MarketDataFeed.DAILY, 10)).hasSize(1);
                    }
                });
    }

    @Test
    void the_simulated_market_is_not_opened_from_here() {
        assertThatThrownBy(() -> ConfiguredFeeds.open(QuorumConfig.defaults(), SystemClock.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built by the desk");
    }
}
