package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.Actor;
import io.quorum.server.api.FakeDesk;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and malformed requests against every route of the table: the server must never answer
 * 5xx, every refusal is a problem document, and a refused request must leave the desk exactly as
 * it was. The inputs include what attackers try first: literal {@code null}s, decimals written
 * with huge exponents, values at and just past each maximum length, odd spellings of the paths.
 * {@code -Djqwik.tries.default=100000} runs a longer campaign.
 */
class ApiFuzzTest {
    private static TestServer server;
    private static String session;

    @BeforeContainer static void start() {
        server = new TestServer(ServerSettings.defaults().withRateLimit(1_000_000, 1_000_000));
        session = server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "fuzz")).id();
        server.desk.openPosition(SessionId.of(session), "AAPL", 100, "178.50");
        server.desk.awaitConfirmation(SessionId.of(session), "c1", 100, "17850.00");
    }

    @AfterContainer static void stop() {
        server.close();
    }

    record FuzzRequest(String method, String path, String contentType, String body, Map<String, String> headers, String authorization) {
        @Override public String toString() {
            return method + " " + path + " [" + contentType + "] " + (body.length() > 200 ? body.substring(0, 200) + "…(" + body.length() + ")" : body)
                    + " " + headers + " auth=" + authorization;
        }
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void no_request_makes_the_server_fail_and_refused_ones_change_nothing(@ForAll("requests") FuzzRequest fuzz) {
        FakeDesk.Snapshot before = server.desk.snapshot();
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(fuzz.path()))
                .method(fuzz.method(), fuzz.body().isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(fuzz.body()));
        if (fuzz.contentType() != null) request.header("Content-Type", fuzz.contentType());
        if (fuzz.authorization() != null) request.header("Authorization", fuzz.authorization());
        fuzz.headers().forEach(request::header);

        HttpResponse<String> response = sendAllowingOneReconnect(request.build(), fuzz);
        if (response == null) {
            assertThat(server.desk.snapshot()).as("unanswered %s changed the desk", fuzz).isEqualTo(before);
            return;
        }

        net.jqwik.api.statistics.Statistics.collect(response.statusCode());
        net.jqwik.api.statistics.Statistics.label("by token").collect(("Bearer " + TestServer.TOKEN).equals(fuzz.authorization()) ? "token" : "no token",
                response.statusCode());
        assertThat(response.statusCode()).as("%s -> %s", fuzz, response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(server.desk.snapshot()).as("refused %s changed the desk", fuzz).isEqualTo(before);
            if (!fuzz.method().equals("HEAD")) {
                assertThat(response.headers().firstValue("Content-Type")).as(fuzz.toString()).hasValue(Problem.CONTENT_TYPE);
            }
        }
    }

    /**
     * HTTP lets a server close a keep-alive connection, and it closes one whose oversized body it
     * refused to read; the client then finds the pooled connection dead. One retry covers the
     * former; only an oversized body may go unanswered (null), and then it must change nothing.
     */
    private static HttpResponse<String> sendAllowingOneReconnect(HttpRequest request, FuzzRequest fuzz) {
        try {
            return server.send(request);
        } catch (java.io.UncheckedIOException first) {
            try {
                return server.send(request);
            } catch (java.io.UncheckedIOException second) {
                if (fuzz.body().length() > ServerSettings.defaults().maxBodyBytes()) return null;
                throw new AssertionError("no answer to " + fuzz, second);
            }
        }
    }

    @Provide Arbitrary<FuzzRequest> requests() {
        List<Route> routes = server.server.routes();
        Arbitrary<Route> route = Arbitraries.of(routes);
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE")));
        Arbitrary<List<String>> pathValues = pathValue().list().ofSize(3);
        Arbitrary<String> query = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(5, Combinators.combine(
                        Arbitraries.of("limit", "offset", "afterSeq", "from", "to", "outcome", "sender", "type", "ticker", "format", "interval", "count", "x"),
                        Arbitraries.oneOf(Arbitraries.of("-1", "0", "1", "50", "501", "99999999999", "1m", "1d", "csv", "json", "xml", "vetoed",
                                "RISK", "vote", "2025-01-01T00:00:00Z", "yesterday", "AAPL", "", "%00"), Arbitraries.strings().ofMaxLength(12)))
                        .as((name, value) -> "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml").injectNull(0.15);
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(
                Arbitraries.of("X-Fuzz", "Accept", "Origin", "X-Forwarded-For", "Accept-Language", "If-None-Match", "Cookie"),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(98, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(String::strip)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just("y".repeat(9_000))))).ofMaxSize(3);
        // Drawn from a number, so that most requests carry the token whatever jqwik's edge cases favour.
        Arbitrary<String> authorization = Arbitraries.integers().between(0, 99).map(n -> n < 82 ? "Bearer " + TestServer.TOKEN
                : n < 87 ? "Bearer wrong" : n < 92 ? "bearer  " + TestServer.TOKEN + " " : n < 97 ? TestServer.TOKEN : null);
        Arbitrary<String> spelling = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(80, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(20, Arbitraries.of("/", "//", ";", ";x=1", "/..;/config", "/.", "%2F", "/%2e%2e")));
        return Combinators.combine(route, method, pathValues, query, body(), contentType, headers, authorization).flatAs(
                (r, m, values, q, b, ct, h, auth) -> spelling.map(suffix -> new FuzzRequest(m.isEmpty() ? r.method().name() : m,
                        r.pathWith(values.subList(0, r.pathParameters().size())) + suffix + q, ct, b, h, auth)));
    }

    private Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(50, Arbitraries.of(session, "AAPL", "c1")),
                net.jqwik.api.Tuple.of(10, Arbitraries.of("nope", "s999", "aapl", "BRK.B", "c2", "..", "-", "0")),
                net.jqwik.api.Tuple.of(10, Arbitraries.strings().ofMinLength(1).ofMaxLength(80)
                        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))),
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().alpha().numeric().ofMinLength(65).ofMaxLength(300)),
                net.jqwik.api.Tuple.of(5, Arbitraries.of("x".repeat(64), "x".repeat(65), "A".repeat(10), "A".repeat(11))));
    }

    private Arbitrary<String> body() {
        Arbitrary<String> decimal = Arbitraries.oneOf(Arbitraries.of("\"25\"", "\"0\"", "\"-5\"", "\"abc\"", "\"1e400\"", "\"1E-400\"", "25", "25.5",
                        "null", "true", "\"" + "9".repeat(40) + "\"", "\"100\"", "\"101\"", "\"178.50\"", "[]", "{}", "\"\"", "\"1E-99999999\"",
                        "\"1E+99999999\"", "\"1E+999999999\"", "\"-1E+999999999\"", "\"99999999999999999999\"", "\"1E+30\"", "\"9223372036854.775808\"",
                        "\"" + "1".repeat(32) + "\"", "\"" + "1".repeat(33) + "\"", "\"0." + "0".repeat(29) + "1\"", "\"NaN\"", "\"Infinity\"", "1E+999999999"),
                Combinators.combine(Arbitraries.of("1", "5", "25.5", "-1", "0"), Arbitraries.of("E", "e"), Arbitraries.of("+", "-", ""),
                        Arbitraries.integers().between(0, 999_999_999)).as((m, e, sign, exp) -> "\"" + m + e + sign + exp + "\""));
        Arbitrary<String> integer = Arbitraries.of("0", "3", "-1", "7", "1.5", "\"3\"", "null", "99999999999", "10", "1E+999999999", "-1e400",
                "3.0E-99999999", "99999999999999999999", "2147483648");
        Arbitrary<String> text = Arbitraries.of("\"AAPL\"", "\"msft\"", "\"\"", "\"   \"", "\"TOO-LONG-TICKER\"", "\"1\"", "null", "5",
                "\"09:30\"", "\"25:99\"", "\"America/New_York\"", "\"Mars/Olympus\"", "\"stop too wide\"", "\"" + "r".repeat(1000) + "\"",
                "\"" + "r".repeat(1001) + "\"", "\"" + "v".repeat(32) + "\"", "\"" + "v".repeat(33) + "\"", "\"\\u0000\"", "\"1\"", "[]", "{}");
        Arbitrary<String> config = Combinators.combine(decimal, decimal, integer, text, text, text, integer, integer)
                .as((pos, loss, trades, start, end, zone, timeout, quorum) -> "{\"maxPositionPct\":" + pos + ",\"maxDailyLossPct\":" + loss
                        + ",\"maxTradesPerDay\":" + trades + ",\"tradingHoursStart\":" + start + ",\"tradingHoursEnd\":" + end
                        + ",\"timeZone\":" + zone + ",\"requireConfirmationAbove\":\"10000\",\"decisionTimeoutSeconds\":" + timeout
                        + ",\"quorum\":" + quorum + ",\"trailingStopPct\":null,\"flattenOnMaxLoss\":true}");
        Arbitrary<String> limits = Combinators.combine(decimal, decimal, Arbitraries.of("true", "false", "null", "1", "\"true\""))
                .as((threshold, trailing, flatten) -> "{\"maxPositionPct\":\"25\",\"maxDailyLossPct\":\"5\",\"maxTradesPerDay\":10,"
                        + "\"tradingHoursStart\":\"09:30\",\"tradingHoursEnd\":\"16:00\",\"timeZone\":\"America/New_York\",\"requireConfirmationAbove\":"
                        + threshold + ",\"decisionTimeoutSeconds\":30,\"quorum\":3,\"trailingStopPct\":" + trailing + ",\"flattenOnMaxLoss\":" + flatten + "}");
        Arbitrary<String> stops = Combinators.combine(decimal, decimal, decimal)
                .as((stop, target, trailing) -> "{\"stopLoss\":" + stop + ",\"takeProfit\":" + target + ",\"trailingStopPct\":" + trailing + "}");
        Arbitrary<String> proposal = Combinators.combine(Arbitraries.of("\"" + FakeDesk.CARD + "\"", "null", "\"x\"", "5", "\"" + "f".repeat(36) + "\""), text)
                .as((id, reason) -> "{\"proposalId\":" + id + ",\"reason\":" + reason + "}");
        Arbitrary<String> small = Combinators.combine(Arbitraries.of("ticker", "reason", "acceptedDisclosureVersion", "stopLoss", "takeProfit",
                        "trailingStopPct", "unknown"), Arbitraries.oneOf(text, decimal))
                .as((field, value) -> "{\"" + field + "\":" + value + "}");
        Arbitrary<String> malformed = Arbitraries.of("{", "}", "{\"ticker\":", "[1,2", "nul", "\"str\"", "{\"a\":1}}", "{'ticker':'AAPL'}",
                "\u0000", "{\"ticker\":\"AAPL\"}garbage", "<xml/>", "ticker=AAPL");
        Arbitrary<String> random = Arbitraries.strings().ofMaxLength(200);
        int cap = Math.toIntExact(ServerSettings.defaults().maxBodyBytes());
        Arbitrary<String> huge = Arbitraries.of("{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}", "[" + "0,".repeat(40_000) + "0]",
                "{\"reason\":\"" + "x".repeat(cap - 14) + "\"}", "{\"reason\":\"" + "x".repeat(cap - 13) + "\"}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(15, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(10, Arbitraries.just("{}")),
                net.jqwik.api.Tuple.of(8, Arbitraries.of("null", " null ", "[null]", "{\"ticker\":null}", "true", "0", "\"\"")),
                net.jqwik.api.Tuple.of(25, config),
                net.jqwik.api.Tuple.of(15, limits),
                net.jqwik.api.Tuple.of(10, stops),
                net.jqwik.api.Tuple.of(8, proposal),
                net.jqwik.api.Tuple.of(25, small),
                net.jqwik.api.Tuple.of(10, malformed),
                net.jqwik.api.Tuple.of(10, random),
                net.jqwik.api.Tuple.of(2, huge));
    }
}
