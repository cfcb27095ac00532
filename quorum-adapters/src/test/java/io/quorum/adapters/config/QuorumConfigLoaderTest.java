package io.quorum.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.config.QuorumConfig.MarketProvider;
import io.quorum.adapters.config.QuorumConfig.NewsProvider;
import io.quorum.adapters.rss.RssNewsFeed;
import io.quorum.engine.market.Ticker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumConfigLoaderTest {
    private static final Path REPOSITORY = Path.of(Optional.ofNullable(System.getenv("QUORUM_REPO_ROOT")).orElse(".."));

    private static QuorumConfig valid(ConfigResult result) {
        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    @Test
    void no_file_at_all_is_the_simulated_desk() {
        assertThat(valid(QuorumConfigLoader.parse("", "quorum.yml", Map.of()))).isEqualTo(QuorumConfig.defaults());
        assertThat(QuorumConfig.defaults().market().provider()).isEqualTo(MarketProvider.SIMULATED);
        assertThat(QuorumConfig.defaults().news().provider()).isEqualTo(NewsProvider.SIMULATED);
    }

    @Test
    void the_simulated_example_is_the_default_desk() {
        assertThat(valid(QuorumConfigLoader.load(REPOSITORY.resolve("examples/simulated.yml"), Map.of()))).isEqualTo(QuorumConfig.defaults());
    }

    @Test
    void the_yahoo_example_reads_yahoo_prices_and_rss_news_for_its_tickers() {
        QuorumConfig config = valid(QuorumConfigLoader.load(REPOSITORY.resolve("examples/yahoo.yml"), Map.of()));

        assertThat(config.market().provider()).isEqualTo(MarketProvider.YAHOO);
        assertThat(config.market().tickers()).containsExactly(Ticker.of("AAPL"), Ticker.of("MSFT"), Ticker.of("NVDA"));
        assertThat(config.market().yahoo().pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.news().provider()).isEqualTo(NewsProvider.RSS);
        Map<Ticker, List<URI>> feeds = config.news().feedsFor(config.market().tickers());
        assertThat(feeds.get(Ticker.of("AAPL"))).containsExactly(RssNewsFeed.feedFor(RssNewsFeed.YAHOO_HEADLINES, Ticker.of("AAPL")));
        assertThat(feeds.get(Ticker.of("NVDA"))).hasSize(2);
    }

    @Test
    void a_real_market_reads_rss_news_unless_told_otherwise() {
        QuorumConfig config = valid(QuorumConfigLoader.parse("market: {provider: yahoo, tickers: [AAPL]}", "quorum.yml", Map.of()));

        assertThat(config.news().provider()).isEqualTo(NewsProvider.RSS);
    }

    @Test
    void the_environment_overrides_the_file_and_says_so() {
        ConfigResult result = QuorumConfigLoader.parse("market: {provider: simulated}", "quorum.yml",
                Map.of("QUORUM_MARKET_PROVIDER", "yahoo", "QUORUM_MARKET_TICKERS", "AAPL, msft", "QUORUM_MARKET_YAHOO_POLL_INTERVAL", "30s"));

        QuorumConfig config = valid(result);
        assertThat(config.market().provider()).isEqualTo(MarketProvider.YAHOO);
        assertThat(config.market().tickers()).containsExactly(Ticker.of("AAPL"), Ticker.of("MSFT"));
        assertThat(config.market().yahoo().pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((ConfigResult.Valid) result).overrides())
                .containsExactlyInAnyOrder("QUORUM_MARKET_PROVIDER", "QUORUM_MARKET_TICKERS", "QUORUM_MARKET_YAHOO_POLL_INTERVAL");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            market.provider,           QUORUM_MARKET_PROVIDER
            market.yahoo.pollInterval, QUORUM_MARKET_YAHOO_POLL_INTERVAL
            market.csv.skipBadRows,    QUORUM_MARKET_CSV_SKIP_BAD_ROWS
            news.rss.defaultFeed,      QUORUM_NEWS_RSS_DEFAULT_FEED
            """)
    void each_setting_has_its_environment_variable(String path, String variable) {
        assertThat(QuorumConfigLoader.environmentName(path)).isEqualTo(variable);
        assertThat(QuorumConfigLoader.overridableSettings()).containsEntry(path, variable);
    }

    @Test
    void the_file_given_wins_then_the_variable_then_the_working_directory(@TempDir Path directory) throws IOException {
        Path given = directory.resolve("given.yml");
        Path local = Files.writeString(directory.resolve("quorum.yml"), "market: {provider: simulated}\n");

        assertThat(QuorumConfigLoader.locate(Optional.of(given), Map.of("QUORUM_CONFIG", "/etc/quorum.yml"), directory)).contains(given);
        assertThat(QuorumConfigLoader.locate(Optional.empty(), Map.of("QUORUM_CONFIG", "/etc/quorum.yml"), directory)).contains(Path.of("/etc/quorum.yml"));
        assertThat(QuorumConfigLoader.locate(Optional.empty(), Map.of(), directory)).contains(local);
        Files.delete(local);
        assertThat(QuorumConfigLoader.locate(Optional.empty(), Map.of(), directory)).isEmpty();
    }

    @Test
    void a_missing_file_is_an_error_naming_it() {
        ConfigResult result = QuorumConfigLoader.load(Path.of("no/such/quorum.yml"), Map.of());

        assertThat(result).isInstanceOfSatisfying(ConfigResult.Invalid.class, invalid ->
                assertThat(invalid.errors().getFirst().message()).startsWith("no/such/quorum.yml: cannot be read"));
    }
}
