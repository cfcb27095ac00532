package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.Actor;
import io.quorum.server.wiring.DeskService;
import io.quorum.server.wiring.EmbeddedDesk;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Short inputs that stand for huge numbers, and bodies that are a literal {@code null}: each is a
 * 400 that names the field and the range it accepts, and costs the server nothing.
 */
class BoundedInputTest {
    private static final String CONFIG = "{\"maxPositionPct\":%s,\"maxDailyLossPct\":%s,\"maxTradesPerDay\":10,\"tradingHoursStart\":\"09:30\","
            + "\"tradingHoursEnd\":\"16:00\",\"timeZone\":\"America/New_York\",\"requireConfirmationAbove\":%s,"
            + "\"decisionTimeoutSeconds\":30,\"quorum\":3,\"trailingStopPct\":%s,\"flattenOnMaxLoss\":true}";

    private final TestServer server = new TestServer();
    private final String id = server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id();

    @AfterEach void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "maxPositionPct, 1E-99999999, 100",
            "maxPositionPct, 1E+99999999, 100",
            "maxPositionPct, 1E+999999999, 100",
            "maxPositionPct, 25.00001, 100",
            "maxPositionPct, 100.5, 100",
            "maxDailyLossPct, 1E-400, 100",
            "requireConfirmationAbove, 99999999999999999999, 1000000000000",
            "requireConfirmationAbove, 1E+30, 1000000000000",
            "requireConfirmationAbove, 10000.001, 1000000000000",
            "trailingStopPct, 5E-99999999, 100",
    })
    void a_decimal_beyond_its_scale_or_magnitude_is_a_400_naming_the_field_and_its_range(String field, String value, String max) {
        var before = server.desk.snapshot();
        String pos = field.equals("maxPositionPct") ? quoted(value) : "\"25\"";
        String loss = field.equals("maxDailyLossPct") ? quoted(value) : "\"5\"";
        String threshold = field.equals("requireConfirmationAbove") ? quoted(value) : "\"10000\"";
        String trailing = field.equals("trailingStopPct") ? quoted(value) : "null";

        HttpResponse<String> response = server.put("/api/sessions/" + id + "/config", CONFIG.formatted(pos, loss, threshold, trailing));

        assertBounded(response, field, max);
        assertThat(server.desk.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"stopLoss, 1E-99999999", "stopLoss, 1E+999999999", "takeProfit, 1000000.5", "takeProfit, 178.1234567", "trailingStopPct, 1E+30"})
    void a_stop_beyond_its_scale_or_magnitude_is_a_400_naming_the_field_and_its_range(String field, String value) {
        server.desk.openPosition(SessionId.of(id), "AAPL", 100, "178.50");

        HttpResponse<String> response = server.put("/api/sessions/" + id + "/positions/AAPL/stops", "{\"" + field + "\":" + quoted(value) + "}");

        assertBounded(response, field, field.equals("trailingStopPct") ? "100" : "1000000");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"maxTradesPerDay, 1E+999999999", "maxTradesPerDay, 1e400", "quorum, -1E+999999999", "decisionTimeoutSeconds, 99999999999999999999",
            "decisionTimeoutSeconds, 3.0E-99999999"})
    void a_whole_number_written_as_a_huge_json_number_is_a_400_naming_the_field(String field, String number) {
        String body = CONFIG.formatted("\"25\"", "\"5\"", "\"10000\"", "null").replace("\"" + field + "\":" + defaultOf(field), "\"" + field + "\":" + number);

        HttpResponse<String> response = server.put("/api/sessions/" + id + "/config", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(2_000);
        assertThat(server.parse(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private static String defaultOf(String field) {
        return switch (field) {
            case "maxTradesPerDay" -> "10";
            case "quorum" -> "3";
            default -> "30";
        };
    }

    @Test void a_value_within_range_in_any_spelling_is_accepted() {
        HttpResponse<String> response = server.put("/api/sessions/" + id + "/config",
                CONFIG.formatted("\"2.5E+1\"", "\"5.0000000\"", "\"1E+4\"", "\"0.5\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/sessions", "POST /reject", "POST /auto-trading/enable", "PUT /config", "PUT /positions/AAPL/stops",
            "POST /approve", "POST /stop", "POST /flatten"})
    void a_body_of_literal_null_is_a_400_for_the_body(String route) {
        server.desk.openPosition(SessionId.of(id), "AAPL", 100, "178.50");
        String method = route.split(" ")[0];
        String path = route.split(" ")[1];
        String target = path.startsWith("/api") ? path : "/api/sessions/" + id + path;

        HttpResponse<String> response = method.equals("PUT") ? server.put(target, "null") : server.post(target, "null");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
        assertThat(server.parse(response).path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    /** The real desk behind the server, where a threshold too large for the engine's money once became a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "1E+30", "1E+999999999"})
    void the_desk_itself_never_sees_a_threshold_it_cannot_hold(String threshold) {
        try (EmbeddedDesk embedded = new EmbeddedDesk(7, 60, null, null, DeskSettings.defaults());
             DeskService service = new DeskService(embedded.desk(), embedded.journal())) {
            QuorumServer real = new QuorumServer(service, AccessToken.explicit(TestServer.TOKEN), ServerSettings.defaults(), new ServerMetrics(),
                    embedded.clock()).start(0, "127.0.0.1");
            try {
                embedded.start();
                String session = service.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id();
                HttpResponse<String> response = server.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(real.baseUrl() + "/api/sessions/" + session + "/config"))
                        .header("Authorization", "Bearer " + TestServer.TOKEN).header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(CONFIG.formatted("\"25\"", "\"5\"", quoted(threshold), "null"))).build());

                assertBounded(response, "requireConfirmationAbove", "1000000000000");
            } finally {
                real.stop();
            }
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"limitPrice, 1E+999999999", "limitPrice, 1E-99999999", "limitPrice, 178.12345", "stopLoss, 1000000.01", "takeProfit, 5E+30"})
    void a_ticket_price_beyond_its_scale_or_magnitude_is_a_400_naming_the_field_and_its_range(String field, String value) {
        String body = "{\"side\":\"BUY\",\"quantity\":10,\"type\":\"LIMIT\",\"limitPrice\":\"178.50\"," + "\"" + field + "\":" + quoted(value) + "}";

        HttpResponse<String> response = server.post("/api/sessions/" + id + "/orders", body.replace("\"limitPrice\":\"178.50\",\"limitPrice\"", "\"limitPrice\""));

        assertBounded(response, field, "1000000");
    }

    @ParameterizedTest(name = "quantity = {0}")
    @CsvSource({"0", "-5", "1000001", "1E+999999999"})
    void a_ticket_quantity_outside_one_to_a_million_shares_is_a_400_naming_it(String quantity) {
        HttpResponse<String> response = server.post("/api/sessions/" + id + "/orders", "{\"side\":\"BUY\",\"quantity\":" + quantity + ",\"type\":\"MARKET\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(server.parse(response).path("errors").get(0).path("field").asText()).isEqualTo("quantity");
    }

    @Test void a_ticket_price_of_zero_is_refused_and_a_well_formed_ticket_is_answered() {
        HttpResponse<String> zero = server.post("/api/sessions/" + id + "/orders", "{\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\",\"limitPrice\":\"0.0000\"}");
        HttpResponse<String> fine = server.post("/api/sessions/" + id + "/orders", "{\"side\":\"SELL\",\"quantity\":1,\"type\":\"MARKET\"}");

        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(server.parse(zero).path("errors").get(0).path("message").asText()).startsWith("must be above 0");
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        assertThat(server.parse(fine).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(server.parse(fine).path("sentence").asText()).isEqualTo("Refused: auto-trading is switched off");
    }

    private void assertBounded(HttpResponse<String> response, String field, String max) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body().length()).as("a refusal is short").isLessThan(2_000);
        var error = server.parse(response).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).contains("from 0 to " + max).contains("decimal places");
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
