package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.alpaca.AlpacaServer;
import io.quorum.adapters.alpaca.trading.AlpacaTradingServer;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk served with one configuration file for paper trading on Alpaca with Alpaca data, both on
 * local servers in Alpaca's formats: it reconciles with the Alpaca account, and a position there
 * that the desk did not take puts the session into REDUCING with an alert that says what differs.
 */
class AlpacaPaperTradingTest {
    private static final String TOKEN = "alpaca-paper-trading-test-token";
    private static final Ticker AAPL = Ticker.of("AAPL");

    @TempDir Path directory;
    private final AlpacaServer data = new AlpacaServer();
    /** The venue's market is open all the test long: its clock stays on a Monday morning. */
    private final AlpacaTradingServer venue = new AlpacaTradingServer(new ManualClock(Instant.parse("2025-03-03T15:00:00Z")), Money.ofDollars(100_000), Long.MAX_VALUE);

    @AfterEach void stopTheProviders() {
        data.close();
        venue.close();
    }

    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Test void a_position_at_alpaca_the_desk_did_not_take_puts_the_session_into_reducing_with_an_alert_naming_it() throws Exception {
        data.serve("AAPL", () -> ProviderHistory.climbingDays(AAPL, 300, 150_000_000, 50_000), () -> List.of());
        venue.quote(AAPL, Price.parse("149.99"), Price.parse("150.01"));
        venue.placeAtTheVenue(OrderRequest.market(ClientOrderId.of("placed-by-hand"), AAPL, Side.BUY, 10));
        Path config = directory.resolve("quorum.yml");
        Files.writeString(config, """
                market: {provider: alpaca, tickers: [AAPL], staleAfter: 10m}
                news: {provider: alpaca}
                alpaca: {feed: iex, dataUrl: "%s", streamUrl: "%s"}
                broker: {provider: alpaca, tradingUrl: "%s", pollInterval: 1s}
                """.formatted(data.settings().dataUrl(), data.settings().streamUrl(), venue.settings().tradingUrl()));
        Map<String, String> environment = Map.of("APCA_API_KEY_ID", AlpacaServer.KEY_ID, "APCA_API_SECRET_KEY", AlpacaServer.SECRET_KEY);

        try (ServeProcess serve = ServeProcess.start(TOKEN, directory.resolve("stderr.txt"), environment, "--config", config.toString(),
                "--db", directory.resolve("quorum.db").toString())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> serve.output.stream().anyMatch(line -> line.contains("Broker: Alpaca paper account at " + venue.settings().tradingUrl())));
            String id = serve.call("POST", "/api/sessions", "{\"ticker\":\"AAPL\"}").path("id").asText();

            await().atMost(Duration.ofSeconds(60)).until(() -> serve.call("GET", "/api/sessions/" + id, null).path("trading").path("state").asText().equals("REDUCING"));
            JsonNode session = serve.call("GET", "/api/sessions/" + id, null);
            assertThat(session.path("trading").path("reason").asText()).contains("the desk holds 0 AAPL but the broker reports 10");
            assertThat(serve.call("GET", "/api/sessions/" + id + "/alerts", null).toString()).contains("broker reports 10");
            assertThat(serve.send("GET", "/ready", null).body()).contains("\"broker\":\"UP\"");
        }
    }
}
