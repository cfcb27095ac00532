package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.yahoo.YahooChartServer;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum serve --config} on Yahoo Finance, against a local server in the chart endpoint's
 * format: the desk analyses a ticker from the provider's history and quotes, and refuses one the
 * provider does not know in the provider's own words.
 */
class ServeOnYahooTest {
    private static final String TOKEN = "serve-on-yahoo-test-token";
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;

    @TempDir Path directory;
    private final YahooChartServer yahoo = new YahooChartServer();

    @AfterEach void stopTheProvider() { yahoo.close(); }

    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Test void a_desk_configured_for_yahoo_analyses_a_real_ticker_from_the_providers_data_and_refuses_an_unknown_one() throws Exception {
        LocalDate lastSession = NYSE.previousTradingDay(NYSE.tradingDate(Instant.now()));
        List<Bar> daily = climbingDays(lastSession, 300);
        List<Bar> minutes = lastMinutes(lastSession, 60);
        Bar lastMinute = minutes.getLast();
        yahoo.serve("ORCL", (interval, range) -> YahooChartServer.render("ORCL", interval.equals("1d") ? daily : minutes,
                lastMinute.closeMicros(), lastMinute.end(), 4_200_000));
        Path config = directory.resolve("quorum.yml");
        Files.writeString(config, """
                market:
                  provider: yahoo
                  tickers: [ORCL]
                  staleAfter: 10m
                  yahoo:
                    baseUrl: %s
                    pollInterval: 1s
                    timeout: 2s
                news:
                  provider: none
                """.formatted(yahoo.baseUrl()));

        try (ServeProcess serve = ServeProcess.start(TOKEN, directory.resolve("stderr.txt"), Map.of(), "--config", config.toString(),
                "--db", directory.resolve("quorum.db").toString(), "--broker-db", directory.resolve("broker.db").toString())) {
            String id = serve.call("POST", "/api/sessions", "{\"ticker\":\"ORCL\"}").path("id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> !serve.call("GET", "/api/sessions/" + id, null).path("state").asText().equals("ANALYZING"));

            JsonNode session = serve.call("GET", "/api/sessions/" + id, null);
            assertThat(session.path("state").asText()).as(session.toString()).isEqualTo("PROPOSAL");
            assertThat(session.path("ticker").asText()).isEqualTo("ORCL");
            assertThat(yahoo.requests()).extracting(uri -> uri.getPath() + "?" + uri.getQuery())
                    .contains("/v8/finance/chart/ORCL?interval=1d&range=2y&includePrePost=false");
            JsonNode bars = serve.call("GET", "/api/market/ORCL/bars?interval=1d&count=5", null);
            assertThat(bars).hasSize(5);
            assertThat(bars.get(4).path("close").asText()).isEqualTo(dollars(daily.getLast().closeMicros()));

            HttpResponse<String> unknown = serve.send("POST", "/api/sessions", "{\"ticker\":\"ZZZZQ\"}");
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
            assertThat(ServeProcess.json(unknown).path("errors").get(0).path("message").asText())
                    .isEqualTo("no market data for ZZZZQ: Not Found: No data found, symbol may be delisted");
            assertThat(serve.call("GET", "/api/sessions", null)).hasSize(1);
        }
    }

    /** {@code count} sessions ending on {@code last}, each a little above the one before, from $100. */
    private static List<Bar> climbingDays(LocalDate last, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = last; days.size() < count; day = NYSE.previousTradingDay(day)) days.addFirst(day);
        List<Bar> bars = new ArrayList<>();
        long close = 100_000_000;
        for (LocalDate day : days) {
            long open = close;
            close = open + 150_000;
            bars.add(new Bar(Ticker.of("ORCL"), NYSE.sessionOpen(day), MarketDataFeed.DAILY, open, close + 400_000, open - 400_000, close, 5_000_000));
        }
        return bars;
    }

    private static List<Bar> lastMinutes(LocalDate session, int count) {
        Instant close = NYSE.sessionClose(session);
        List<Bar> bars = new ArrayList<>();
        for (int i = count; i > 0; i--) {
            long price = 145_000_000 + (count - i) * 10_000L;
            bars.add(new Bar(Ticker.of("ORCL"), close.minus(Duration.ofMinutes(i)), MarketDataFeed.ONE_MINUTE, price, price + 20_000, price - 20_000, price + 10_000, 12_000));
        }
        return bars;
    }

    private static String dollars(long micros) { return java.math.BigDecimal.valueOf(micros, 6).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(); }
}
