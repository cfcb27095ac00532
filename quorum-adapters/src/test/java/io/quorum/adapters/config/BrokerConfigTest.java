package io.quorum.adapters.config;

import static io.quorum.adapters.config.ConfigTexts.REPOSITORY;
import static io.quorum.adapters.config.ConfigTexts.errorsOf;
import static io.quorum.adapters.config.ConfigTexts.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.alpaca.trading.AlpacaTradingSettings;
import io.quorum.adapters.config.QuorumConfig.BrokerProvider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    @Test
    void with_no_broker_section_orders_go_to_the_paper_broker() {
        assertThat(valid(QuorumConfigLoader.parse("market: {provider: yahoo, tickers: [AAPL]}", "quorum.yml", Map.of())).broker())
                .isEqualTo(QuorumConfig.Broker.paper());
    }

    @Test
    void the_alpaca_paper_example_trades_on_the_paper_server_with_alpaca_data() {
        QuorumConfig config = valid(QuorumConfigLoader.load(REPOSITORY.resolve("examples/alpaca-paper.yml"), Map.of()));

        assertThat(config.broker().provider()).isEqualTo(BrokerProvider.ALPACA);
        assertThat(config.broker().live()).isFalse();
        assertThat(config.broker().alpaca().tradingUrl()).isEqualTo(AlpacaTradingSettings.PAPER);
        assertThat(config.broker().alpaca().isLive()).isFalse();
        assertThat(config.market().provider()).isEqualTo(QuorumConfig.MarketProvider.ALPACA);
        assertThat(config.news().provider()).isEqualTo(QuorumConfig.NewsProvider.ALPACA);
    }

    @Test
    void live_true_in_so_many_words_takes_the_live_server() {
        QuorumConfig config = valid(QuorumConfigLoader.parse("""
                market: {provider: alpaca, tickers: [AAPL]}
                broker: {provider: alpaca, live: true, timeout: 3s}
                """, "quorum.yml", Map.of()));

        assertThat(config.broker().live()).isTrue();
        assertThat(config.broker().alpaca().tradingUrl()).isEqualTo(AlpacaTradingSettings.LIVE);
        assertThat(config.broker().alpaca().timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void alpaca_keeps_the_brackets_of_the_desks_entries_unless_the_desk_is_asked_to_in_so_many_words() {
        String alpaca = "market: {provider: alpaca, tickers: [AAPL]}\n";

        assertThat(valid(QuorumConfigLoader.parse(alpaca + "broker: {provider: alpaca}", "quorum.yml", Map.of())).broker().alpaca().venueBrackets()).isTrue();
        assertThat(valid(QuorumConfigLoader.parse(alpaca + "broker: {provider: alpaca, brackets: desk}", "quorum.yml", Map.of())).broker().alpaca().venueBrackets())
                .isFalse();
        assertThat(errorsOf(alpaca + "broker: {provider: alpaca, brackets: both}"))
                .contains("broker.brackets: \"both\" is not a choice here; expected one of desk, venue");
    }

    @Test
    void the_live_server_without_live_true_is_refused() {
        assertThat(errorsOf("""
                market: {provider: alpaca, tickers: [AAPL]}
                broker: {provider: alpaca, tradingUrl: "https://api.alpaca.markets"}
                """)).contains("broker.tradingUrl").contains("trades real money").contains("live: true");
    }

    @Test
    void live_true_on_the_paper_broker_is_refused() {
        assertThat(errorsOf("""
                market: {provider: yahoo, tickers: [AAPL]}
                broker: {live: true}
                """)).contains("broker.live").contains("only an Alpaca account trades live");
    }

    @Test
    void an_alpaca_account_on_the_simulated_market_is_refused() {
        assertThat(errorsOf("broker: {provider: alpaca}")).contains("broker.provider").contains("the market is simulated");
    }

    @Test
    void the_live_flag_can_come_from_the_environment() {
        QuorumConfig config = valid(QuorumConfigLoader.parse("""
                market: {provider: alpaca, tickers: [AAPL]}
                broker: {provider: alpaca}
                """, "quorum.yml", Map.of("QUORUM_BROKER_LIVE", "true")));

        assertThat(config.broker().alpaca().isLive()).isTrue();
    }

    @Test
    void a_key_in_the_broker_section_is_refused_without_being_repeated() {
        String errors = errorsOf("""
                market: {provider: alpaca, tickers: [AAPL]}
                broker: {provider: alpaca, secretKey: "sk-very-secret-value"}
                """);

        assertThat(errors).contains("broker.secretKey").contains("looks like a secret").doesNotContain("sk-very-secret-value");
    }
}
