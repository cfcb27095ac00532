package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigTexts.REPOSITORY;
import static io.quorum.adapters.config.ConfigTexts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.alpaca.AlpacaFeed;
import io.quorum.adapters.alpaca.AlpacaMarketDataFeed;
import io.quorum.adapters.alpaca.AlpacaNewsFeed;
import io.quorum.adapters.alpaca.AlpacaSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.time.SystemClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlpacaConfigTest {
    private static final Map<String, String> KEYS = Map.of("APCA_API_KEY_ID", "PKCANARY0000000000001", "APCA_API_SECRET_KEY", "canary-secret-1234");

    @Test
    void the_alpaca_example_reads_alpaca_prices_and_news_on_the_iex_feed_with_the_default_key_variables() {
        QuorumConfig config = valid(QuorumConfigLoader.load(REPOSITORY.resolve("examples/alpaca.yml"), Map.of()));

        assertThat(config.market().provider()).isEqualTo(QuorumConfig.MarketProvider.ALPACA);
        assertThat(config.news().provider()).isEqualTo(QuorumConfig.NewsProvider.ALPACA);
        assertThat(config.market().tickers()).containsExactly(Ticker.of("AAPL"), Ticker.of("MSFT"), Ticker.of("NVDA"));
        assertThat(config.alpaca()).isEqualTo(QuorumConfig.Alpaca.defaults());
    }

    @Test
    void the_servers_feed_and_key_variables_can_be_set_in_the_file_and_from_the_environment() {
        QuorumConfig config = valid(QuorumConfigLoader.parse("""
                market: {provider: alpaca, tickers: [AAPL]}
                alpaca: {dataUrl: "http://127.0.0.1:9", streamUrl: "ws://127.0.0.1:9", keyIdVariable: DESK_ALPACA_ID, secretKeyVariable: DESK_ALPACA_SECRET}
                """, "quorum.yml", Map.of("QUORUM_ALPACA_FEED", "sip", "QUORUM_ALPACA_TIMEOUT", "3s")));

        AlpacaSettings settings = config.alpaca().settings();
        assertThat(settings.feed()).isEqualTo(AlpacaFeed.SIP);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.marketStream()).isEqualTo(URI.create("ws://127.0.0.1:9/v2/sip"));
        assertThat(settings.newsStream()).isEqualTo(URI.create("ws://127.0.0.1:9/v1beta1/news"));
        assertThat(config.alpaca().keyIdVariable()).isEqualTo("DESK_ALPACA_ID");
        assertThat(config.alpaca().secretKeyVariable()).isEqualTo("DESK_ALPACA_SECRET");
    }

    /** The servers named are local and closed: opening the feeds must not reach the internet. */
    @Test
    void an_alpaca_configuration_opens_the_alpaca_feeds_with_the_keys_of_the_environment() {
        QuorumConfig config = valid(QuorumConfigLoader.parse("""
                market: {provider: alpaca, tickers: [AAPL, MSFT]}
                alpaca: {dataUrl: "http://127.0.0.1:9", streamUrl: "ws://127.0.0.1:9"}
                """, "quorum.yml", Map.of()));

        assertThat(ConfiguredFeeds.open(config, SystemClock.INSTANCE, KEYS)).isInstanceOfSatisfying(ConfiguredFeeds.Feeds.class, feeds -> {
            try (feeds) {
                assertThat(feeds.market()).isInstanceOf(AlpacaMarketDataFeed.class);
                assertThat(feeds.market().tickers()).containsExactly(Ticker.of("AAPL"), Ticker.of("MSFT"));
                assertThat(feeds.news()).isInstanceOf(AlpacaNewsFeed.class);
            }
        });
    }

    @Test
    void alpaca_without_its_keys_in_the_environment_is_refused_naming_the_variables() {
        QuorumConfig config = valid(QuorumConfigLoader.parse("""
                market: {provider: yahoo, tickers: [AAPL], yahoo: {baseUrl: "http://127.0.0.1:9"}}
                news: {provider: alpaca}
                alpaca: {dataUrl: "http://127.0.0.1:9", streamUrl: "ws://127.0.0.1:9"}
                """, "quorum.yml", Map.of()));

        assertThat(ConfiguredFeeds.open(config, SystemClock.INSTANCE, Map.of("APCA_API_KEY_ID", "PKCANARY0000000000001")))
                .isInstanceOfSatisfying(ConfiguredFeeds.Refused.class, refused -> assertThat(refused.problems()).containsExactly(
                        "Alpaca needs its keys in the environment: export APCA_API_KEY_ID=… and APCA_API_SECRET_KEY=…"
                                + " (the names are set by alpaca.keyIdVariable and alpaca.secretKeyVariable)"));
    }
}
