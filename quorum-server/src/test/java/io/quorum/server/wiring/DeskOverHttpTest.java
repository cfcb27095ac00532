package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.QuorumServer;
import io.quorum.server.http.ServerMetrics;
import io.quorum.server.http.ServerSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole desk behind the real server, driven as a client program would: create a session, wait
 * for the analysis, approve, accept the disclosure and enable, follow the WebSocket until a
 * {@code decision} and a {@code trade_executed} frame arrive, then disable and see no further decision order.
 */
class DeskOverHttpTest {
    private static final String TOKEN = "desk-over-http-test-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> UNJOURNALED = Set.of("position_update", "risk_update", "heartbeat", "pong", "resync");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedDesk embedded;
    private DeskService service;
    private QuorumServer server;

    @BeforeEach
    void start_the_desk_behind_the_server() {
        // The default speed: a 30-second vote lasts half a second of wall time, enough for the agents on a busy machine.
        embedded = new EmbeddedDesk(42, 60, null, null, DeskSettings.defaults());
        service = new DeskService(embedded.desk(), embedded.journal());
        server = new QuorumServer(service, AccessToken.explicit(TOKEN), ServerSettings.defaults(), new ServerMetrics(), embedded.clock())
                .start(0, "127.0.0.1");
        embedded.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        service.close();
        embedded.close();
    }

    @Test
    void a_client_takes_a_session_from_ticker_to_executed_trade_and_switches_trading_off() throws Exception {
        JsonNode created = call("POST", "/api/sessions", "{\"ticker\":\"AAPL\"}", 201);
        String id = created.path("id").asText();
        Frames frames = new Frames();
        WebSocket socket = http.newWebSocketBuilder().header("Origin", server.baseUrl()).subprotocols("quorum.bearer." + TOKEN)
                .buildAsync(URI.create(server.baseUrl().replace("http://", "ws://") + "/ws/sessions/" + id + "?lastSeq=0"), frames)
                .get(10, TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> call("GET", "/api/sessions/" + id, null, 200).path("state").asText().equals("PROPOSAL"));
        await().atMost(PATIENCE).until(() -> !frames.ofType("reasoning").isEmpty() && !frames.ofType("complete").isEmpty() && !frames.ofType("proposal").isEmpty());
        assertThat(frames.ofType("reasoning")).allSatisfy(m -> assertThat(m.path("content").path("kind").asText()).isEqualTo("REASONING"));
        String proposal = call("GET", "/api/sessions/" + id, null, 200).path("proposal").path("id").asText();
        call("POST", "/api/sessions/" + id + "/approve", "{\"proposalId\":\"" + proposal + "\"}", 200);
        String version = call("GET", "/api/risk-disclosure", null, 200).path("version").asText();
        JsonNode enabled = call("POST", "/api/sessions/" + id + "/auto-trading/enable", "{\"acceptedDisclosureVersion\":\"" + version + "\"}", 200);
        assertThat(enabled.path("autoTrading").path("enabled").asBoolean()).isTrue();

        await().atMost(PATIENCE).until(() -> !frames.ofType("decision").isEmpty() && !frames.ofType("trade_executed").isEmpty());
        assertThat(frames.ofType("trade_executed").getFirst().path("content").path("execution").path("quantity").asLong()).isPositive();
        assertThat(frames.ofType("decision").getFirst().path("type").asText()).isEqualTo("DECISION");
        await().atMost(PATIENCE).until(() -> call("GET", "/api/sessions/" + id + "/positions", null, 200).path("positions").size() == 1);
        await().atMost(PATIENCE).until(() -> frames.ofType("position").stream().anyMatch(p -> p.path("quantity").asLong() > 0)
                && frames.ofType("position_update").stream().anyMatch(p -> p.path("positions").size() == 1));
        assertThat(frames.seqs()).isSorted().doesNotHaveDuplicates();

        JsonNode portfolio = call("GET", "/api/portfolio", null, 200);
        assertThat(portfolio.path("positions")).anySatisfy(held -> assertThat(held.path("sessionId").asText()).isEqualTo(id));
        BigDecimal marked = new BigDecimal(portfolio.path("cash").asText());
        for (JsonNode held : portfolio.path("positions")) marked = marked.add(new BigDecimal(held.path("marketValue").asText()));
        assertThat(new BigDecimal(portfolio.path("equity").asText())).as("equity is cash plus every position at market").isEqualByComparingTo(marked);
        assertThat(portfolio.path("bySector")).singleElement().satisfies(sector -> assertThat(sector.path("name").asText()).isEqualTo("Technology"));
        JsonNode risk = call("GET", "/api/risk", null, 200);
        assertThat(risk.path("valueAtRisk")).hasSize(4).allSatisfy(figure -> assertThat(new BigDecimal(figure.path("valueAtRisk").asText())).isPositive());
        assertThat(risk.path("stress")).anySatisfy(result -> assertThat(result.path("scenario").asText()).isEqualTo("uniform gap -10%"));
        assertThat(risk.path("correlation").path("tickers")).extracting(JsonNode::asText).contains("AAPL");
        await().atMost(PATIENCE).until(() -> frames.ofType("risk_update").stream().anyMatch(update -> update.path("portfolio").path("positions").size() == 1));

        JsonNode disabled = call("POST", "/api/sessions/" + id + "/auto-trading/disable", "{}", 200);
        assertThat(disabled.path("autoTrading").path("enabled").asBoolean()).isFalse();
        long decisionOrdersAtSwitch = decisionOrders(SessionId.of(id));
        // Three seconds are three minutes of market time at 60x: room for signals, votes and orders, had trading been on.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> decisionOrders(SessionId.of(id)) == decisionOrdersAtSwitch);
        socket.abort();
    }

    private long decisionOrders(SessionId session) {
        long count = 0;
        for (JournalEntry entry : embedded.journal().read(session, 0, 100_000)) {
            if (entry.event() instanceof JournalEvent.OrderIntended intent && intent.proposalId() != null) count++;
        }
        return count;
    }

    private JsonNode call(String method, String path, String body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Authorization", "Bearer " + TOKEN);
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    private final class Frames implements WebSocket.Listener {
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(json.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        /** The data of every frame of {@code type}. */
        List<JsonNode> ofType(String type) {
            return received.stream().filter(f -> f.path("type").asText().equals(type)).map(f -> f.path("data")).toList();
        }

        /** The seqs of the journaled frames, the ones a client resumes from. */
        List<Long> seqs() {
            return received.stream().filter(f -> !UNJOURNALED.contains(f.path("type").asText())).map(f -> f.path("seq").asLong()).toList();
        }
    }
}
