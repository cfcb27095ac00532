package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.market.Ticker;
import io.quorum.server.api.Actor;
import io.quorum.server.api.FakeDesk;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemResponsesTest {
    private static final String APPROVE_THE_CARD = "{\"proposalId\":\"" + FakeDesk.CARD + "\"}";

    private final TestServer server = new TestServer();
    private final String id = server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id();

    @AfterEach void stop() {
        server.close();
    }

    @Test void an_invalid_config_is_refused_with_one_error_per_field_and_changes_nothing() {
        var before = server.desk.snapshot();

        HttpResponse<String> response = server.put("/api/sessions/" + id + "/config",
                "{\"maxPositionPct\":\"lots\",\"maxDailyLossPct\":\"5\",\"maxTradesPerDay\":10,\"tradingHoursStart\":\"9h\","
                        + "\"tradingHoursEnd\":\"16:00\",\"timeZone\":\"Mars/Olympus\",\"requireConfirmationAbove\":\"10000\","
                        + "\"decisionTimeoutSeconds\":30,\"quorum\":3,\"trailingStopPct\":null}");

        assertProblem(response, 400);
        assertThat(server.parse(response).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("maxPositionPct", "tradingHoursStart", "timeZone", "flattenOnMaxLoss");
        assertThat(server.desk.snapshot()).isEqualTo(before);
    }

    @Test void a_config_out_of_the_desks_range_is_refused_by_field() {
        HttpResponse<String> response = server.put("/api/sessions/" + id + "/config",
                "{\"maxPositionPct\":\"0\",\"maxDailyLossPct\":\"5\",\"maxTradesPerDay\":10,\"tradingHoursStart\":\"09:30\","
                        + "\"tradingHoursEnd\":\"16:00\",\"timeZone\":\"America/New_York\",\"requireConfirmationAbove\":\"10000\","
                        + "\"decisionTimeoutSeconds\":30,\"quorum\":7,\"trailingStopPct\":null,\"flattenOnMaxLoss\":true}");

        assertProblem(response, 400);
        assertThat(server.parse(response).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("maxPositionPct", "quorum");
    }

    @Test void a_sizing_rule_the_desk_does_not_know_or_an_input_that_is_no_decimal_is_refused_by_field() {
        HttpResponse<String> response = server.put("/api/sessions/" + id + "/config",
                "{\"maxPositionPct\":\"25\",\"maxDailyLossPct\":\"5\",\"maxTradesPerDay\":10,\"tradingHoursStart\":\"09:30\","
                        + "\"tradingHoursEnd\":\"16:00\",\"timeZone\":\"America/New_York\",\"requireConfirmationAbove\":\"10000\","
                        + "\"decisionTimeoutSeconds\":30,\"quorum\":3,\"trailingStopPct\":null,\"flattenOnMaxLoss\":true,"
                        + "\"sizing\":{\"rule\":\"MARTINGALE\",\"riskPct\":\"lots\"}}");

        assertProblem(response, 400);
        assertThat(server.parse(response).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("sizing.rule", "sizing.riskPct");
    }

    @Test void a_value_of_the_wrong_type_is_named_by_its_field() {
        HttpResponse<String> response = server.post("/api/sessions", "{\"ticker\":5}");

        assertProblem(response, 400);
        assertThat(server.parse(response).path("errors").get(0).path("field").asText()).isEqualTo("ticker");
    }

    @Test void malformed_json_and_unknown_fields_are_refused() {
        assertThat(server.parse(server.post("/api/sessions", "{\"ticker\":")).path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(server.parse(server.post("/api/sessions", "{\"ticker\":\"AAPL\",\"size\":1}")).path("errors").get(0).path("field").asText())
                .isEqualTo("size");
        assertProblem(server.post("/api/sessions", "[]"), 400);
    }

    @Test void a_body_that_is_not_json_is_refused_as_unsupported() {
        HttpResponse<String> response = server.send(server.request("/api/sessions").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("ticker=AAPL")).build());

        assertProblem(response, 415);
    }

    @Test void an_unknown_session_is_404() {
        HttpResponse<String> response = server.get("/api/sessions/nope");

        assertProblem(response, 404);
        assertThat(server.parse(response).path("detail").asText()).isEqualTo("no session nope");
    }

    /** Requests Jetty refuses itself, before any handler runs, written on a raw socket as an attacker would send them. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "PUT, /api/sessions/..;/config, 0", "PATCH, /api/sessions/..;/config, 0", "TRACE, /api/sessions/..;/config, 0",
            "DELETE, /api/sessions/..;/config, 0", "PUT, /api/sessions, 20000", "PATCH, /metrics, 20000", "GET, /health, 20000",
            "PUT, /api/%00, 0", "PUT, /api/sessions/%2e%2e/config, 0"})
    void a_request_jetty_refuses_itself_still_gets_a_problem_document(String method, String path, int headerBytes) throws Exception {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN + "\r\n"
                + (headerBytes > 0 ? "X-Padding: " + "x".repeat(headerBytes) + "\r\n" : "") + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        String response;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        int status = Integer.parseInt(response.substring(9, 12));
        String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        JsonNode body = server.json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(status).as(response).isBetween(400, 499);
        assertThat(headers).as(response).contains("content-type: " + Problem.CONTENT_TYPE);
        assertThat(body.path("status").asInt()).as(response).isEqualTo(status);
        assertThat(response).doesNotContain("<html").doesNotContain("org.eclipse");
    }

    @Test void once_the_server_is_stopping_a_command_is_503_and_a_read_still_answers() {
        var before = server.desk.snapshot();
        server.server.beginStop();

        HttpResponse<String> command = server.post("/api/sessions/" + id + "/stop", "{}");

        assertProblem(command, 503);
        assertThat(command.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(server.get("/api/sessions/" + id).statusCode()).isEqualTo(200);
        assertThat(server.desk.snapshot()).isEqualTo(before);
    }

    @Test void an_unknown_route_is_a_404_problem() {
        assertProblem(server.get("/api/sessions/" + id + "/nothing"), 404);
    }

    @Test void an_illegal_transition_is_409() {
        server.post("/api/sessions/" + id + "/stop", "{}");

        HttpResponse<String> response = server.post("/api/sessions/" + id + "/approve", APPROVE_THE_CARD);

        assertProblem(response, 409);
        assertThat(server.parse(response).path("detail").asText()).contains("STOPPED");
    }

    @Test void a_stopped_session_is_archived_and_leaves_the_list_while_a_running_one_is_409() {
        assertProblem(server.post("/api/sessions/" + id + "/archive", "{}"), 409);

        server.post("/api/sessions/" + id + "/stop", "{}");
        assertThat(server.post("/api/sessions/" + id + "/archive", "{}").statusCode()).isEqualTo(204);

        assertProblem(server.get("/api/sessions/" + id), 404);
    }

    @Test void a_ticker_is_added_to_the_watchlist_and_taken_off_it_and_each_refusal_is_a_problem_that_changes_nothing() {
        HttpResponse<String> added = server.post("/api/sessions/" + id + "/watchlist", "{\"ticker\":\"MSFT\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(server.parse(added).path("watchlist").toString()).isEqualTo("[\"AAPL\",\"MSFT\"]");

        assertProblem(server.post("/api/sessions/" + id + "/watchlist", "{\"ticker\":\"MSFT\"}"), 409);
        assertProblem(server.post("/api/sessions/" + id + "/watchlist", "{\"ticker\":\"ZZZZ\"}"), 400);
        assertProblem(server.post("/api/sessions/" + id + "/watchlist", "{\"ticker\":\"not a ticker\"}"), 400);
        assertProblem(server.post("/api/sessions/" + id + "/watchlist", "{}"), 400);
        HttpResponse<String> own = server.delete("/api/sessions/" + id + "/watchlist/AAPL");
        assertProblem(own, 409);
        assertThat(server.parse(own).path("detail").asText()).isEqualTo("AAPL is the session's own ticker, which it watches for as long as it runs");
        assertThat(server.parse(server.get("/api/sessions/" + id)).path("watchlist").toString()).isEqualTo("[\"AAPL\",\"MSFT\"]");

        HttpResponse<String> removed = server.delete("/api/sessions/" + id + "/watchlist/MSFT");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(server.parse(removed).path("watchlist").toString()).isEqualTo("[\"AAPL\"]");
        assertProblem(server.delete("/api/sessions/" + id + "/watchlist/MSFT"), 409);
    }

    @Test void an_approval_that_does_not_name_the_proposal_is_400() {
        HttpResponse<String> response = server.post("/api/sessions/" + id + "/approve", "{}");

        assertProblem(response, 400);
        assertThat(server.parse(response).path("errors").get(0).path("field").asText()).isEqualTo("proposalId");
        assertThat(server.parse(server.get("/api/sessions/" + id)).path("state").asText()).as("nothing changed").isEqualTo("PROPOSAL");
    }

    @Test void an_answer_to_a_proposal_the_card_no_longer_shows_is_409() {
        String staleCard = "\"proposalId\":\"00000000-0000-4000-8000-000000000001\"";

        assertProblem(server.post("/api/sessions/" + id + "/approve", "{" + staleCard + "}"), 409);
        assertProblem(server.post("/api/sessions/" + id + "/reject", "{" + staleCard + ",\"reason\":\"too big\"}"), 409);
        assertThat(server.parse(server.get("/api/sessions/" + id)).path("state").asText()).as("nothing changed").isEqualTo("PROPOSAL");
    }

    @Test void enabling_auto_trading_without_accepting_the_disclosure_is_400() {
        assertThat(server.parse(server.post("/api/sessions/" + id + "/auto-trading/enable", "{}")).path("errors").get(0).path("field").asText())
                .isEqualTo("acceptedDisclosureVersion");
        assertProblem(server.post("/api/sessions/" + id + "/auto-trading/enable", "{\"acceptedDisclosureVersion\":\"0\"}"), 400);
        assertThat(server.post("/api/sessions/" + id + "/auto-trading/enable", "{\"acceptedDisclosureVersion\":\"1\"}").statusCode()).isEqualTo(200);
    }

    @Test void a_body_over_the_limit_is_413() {
        String huge = "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";

        assertProblem(server.post("/api/sessions/" + id + "/reject", huge), 413);
    }

    @Test void too_many_changes_are_429_with_retry_after() {
        try (TestServer strict = new TestServer(ServerSettings.defaults().withRateLimit(0.01, 2))) {
            String session = strict.desk.createSession(Ticker.of("MSFT"), new Actor("user", "test")).id();
            strict.post("/api/sessions/" + session + "/auto-trading/disable", "{}");
            strict.post("/api/sessions/" + session + "/auto-trading/disable", "{}");

            HttpResponse<String> response = strict.post("/api/sessions/" + session + "/auto-trading/disable", "{}");

            assertProblem(response, 429);
            assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s -> assertThat(s).isPositive());
            assertThat(strict.get("/api/sessions/" + session).statusCode()).as("reads are not limited").isEqualTo(200);
        }
    }

    @Test void a_session_goes_from_proposal_to_auto_trading_through_the_api() {
        HttpResponse<String> created = server.post("/api/sessions", "{\"ticker\":\"msft\"}");
        String newId = server.parse(created).path("id").asText();

        JsonNode approved = server.parse(server.post("/api/sessions/" + newId + "/approve", APPROVE_THE_CARD));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(server.parse(created).path("ticker").asText()).isEqualTo("MSFT");
        assertThat(server.parse(created).path("proposal").path("entry").asText()).isEqualTo("178.50");
        assertThat(approved.path("state").asText()).isEqualTo("AUTO_TRADING");
    }

    @Test void decisions_are_paged_filtered_and_exported_as_csv() {
        var session = io.quorum.engine.message.SessionId.of(id);
        server.desk.decide(session, io.quorum.engine.message.Outcome.APPROVED);
        server.desk.decide(session, io.quorum.engine.message.Outcome.VETOED);

        JsonNode vetoed = server.parse(server.get("/api/sessions/" + id + "/decisions?outcome=vetoed&limit=10"));
        HttpResponse<String> csv = server.get("/api/sessions/" + id + "/decisions/export?format=csv");

        assertThat(vetoed.path("total").asLong()).isEqualTo(1);
        assertThat(vetoed.path("items").get(0).path("outcome").asText()).isEqualTo("VETOED");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(3);
        assertProblem(server.get("/api/sessions/" + id + "/decisions?limit=0"), 400);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
        JsonNode problem = server.parse(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    }
}
