package io.quorum.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.Actor;
import io.quorum.server.http.ServerSettings;
import io.quorum.server.http.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionStreamTest {
    private final TestServer server = new TestServer(ServerSettings.defaults()
            .withStream(new SessionStreamEndpoint.Settings(64, Duration.ofMinutes(1), Duration.ofMillis(300))));
    private final SessionId session = SessionId.of(server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id());

    @AfterEach void stop() {
        server.close();
    }

    @Test void a_client_with_the_token_subprotocol_gets_the_journal_then_live_events() throws Exception {
        server.desk.say(session, AgentRole.TECHNICAL, "breakout above 178");
        Client client = connect("quorum.bearer." + TestServer.TOKEN, ownOrigin(), 0);

        server.desk.say(session, AgentRole.RISK, "within limits");

        await().until(() -> client.frames().size() == 3);
        assertThat(client.frames()).extracting(f -> f.path("seq").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(client.frames().get(1).path("data").path("content").path("text").asText()).isEqualTo("breakout above 178");
        assertThat(client.socket.getSubprotocol()).isEqualTo("quorum.bearer." + TestServer.TOKEN);
        assertThat(server.server.metrics().connectedClients()).isEqualTo(1);
    }

    @Test void a_client_may_authenticate_with_a_first_message_and_ping() throws Exception {
        Client client = connect(null, ownOrigin(), 0);
        client.send("{\"type\":\"auth\",\"token\":\"" + TestServer.TOKEN + "\",\"lastSeq\":0}");
        await().until(() -> client.frames().size() == 1);

        client.send("{\"type\":\"ping\"}");

        await().until(() -> client.frames().size() == 2);
        assertThat(client.frames().get(1).path("type").asText()).isEqualTo("pong");
    }

    @Test void a_wrong_token_subprotocol_is_refused_at_the_upgrade() {
        assertThatThrownBy(() -> connect("quorum.bearer.wrong-token-000000", ownOrigin(), 0))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test void a_foreign_origin_is_refused_even_with_the_token() {
        assertThatThrownBy(() -> connect("quorum.bearer." + TestServer.TOKEN, "http://evil.example", 0))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test void a_client_that_sends_no_token_is_closed_without_a_single_event() throws Exception {
        Client silent = connect(null, ownOrigin(), 0);
        Client wrong = connect(null, ownOrigin(), 0);
        wrong.send("{\"type\":\"auth\",\"token\":\"guess\",\"lastSeq\":0}");

        await().until(() -> silent.closeCode.get() != 0 && wrong.closeCode.get() != 0);
        assertThat(silent.closeCode.get()).isEqualTo(SessionStreamEndpoint.POLICY_VIOLATION);
        assertThat(wrong.closeCode.get()).isEqualTo(SessionStreamEndpoint.POLICY_VIOLATION);
        assertThat(silent.frames()).isEmpty();
        assertThat(wrong.frames()).isEmpty();
    }

    @Test void a_stream_of_an_unknown_session_is_refused() {
        assertThatThrownBy(() -> connect("quorum.bearer." + TestServer.TOKEN, ownOrigin(), 0, "no-such-session"))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test void a_stop_closes_every_stream_with_going_away_before_the_desk_closes_and_refuses_new_ones() throws Exception {
        Client client = connect("quorum.bearer." + TestServer.TOKEN, ownOrigin(), 0);
        await().until(() -> client.frames().size() == 1);

        server.server.beginStop();

        await().until(() -> client.closeCode.get() != 0);
        assertThat(client.closeCode.get()).isEqualTo(SessionStreamEndpoint.GOING_AWAY);
        assertThatThrownBy(() -> connect("quorum.bearer." + TestServer.TOKEN, ownOrigin(), 0))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    @Test void a_reconnecting_client_gets_exactly_what_it_missed_then_live_events() throws Exception {
        server.desk.say(session, AgentRole.TECHNICAL, "one");
        server.desk.say(session, AgentRole.TECHNICAL, "two");
        Client first = connect("quorum.bearer." + TestServer.TOKEN, ownOrigin(), 0);
        await().until(() -> first.frames().size() == 3);
        long lastSeen = first.frames().getLast().path("seq").asLong();
        first.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        await().until(() -> server.desk.listenerCount(session) == 0);

        for (int i = 0; i < 5; i++) server.desk.say(session, AgentRole.SENTIMENT, "missed " + i);
        Client second = connect(null, ownOrigin(), 0);
        second.send("{\"type\":\"auth\",\"token\":\"" + TestServer.TOKEN + "\",\"lastSeq\":" + lastSeen + "}");
        await().until(() -> second.frames().size() == 5);
        server.desk.say(session, AgentRole.RISK, "live 1");
        server.desk.say(session, AgentRole.RISK, "live 2");

        await().until(() -> second.frames().size() == 7);
        assertThat(second.frames()).extracting(f -> f.path("seq").asLong()).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(second.frames()).extracting(f -> f.path("data").path("content").path("text").asText())
                .containsExactly("missed 0", "missed 1", "missed 2", "missed 3", "missed 4", "live 1", "live 2");
    }

    private String ownOrigin() {
        return server.server.baseUrl();
    }

    private Client connect(String subprotocol, String origin, long lastSeq) throws Exception {
        return connect(subprotocol, origin, lastSeq, session.value());
    }

    private Client connect(String subprotocol, String origin, long lastSeq, String sessionId) throws Exception {
        Client client = new Client();
        WebSocket.Builder builder = server.client.newWebSocketBuilder().header("Origin", origin).connectTimeout(Duration.ofSeconds(5));
        if (subprotocol != null) builder.subprotocols(subprotocol);
        URI uri = URI.create(server.server.baseUrl().replace("http://", "ws://") + "/ws/sessions/" + sessionId + "?lastSeq=" + lastSeq);
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    private final class Client implements WebSocket.Listener {
        WebSocket socket;
        final AtomicInteger closeCode = new AtomicInteger();
        private final List<String> texts = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        void send(String text) throws Exception {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.set(statusCode);
            return CompletableFuture.completedFuture(null);
        }

        List<JsonNode> frames() {
            return texts.stream().map(text -> {
                try {
                    return server.json.readTree(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
