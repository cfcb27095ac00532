package io.quorum.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.server.api.Actor;
import io.quorum.server.api.Health;
import io.quorum.server.ws.SessionStreamEndpoint;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a caller without the token can find out: that the server is up, whether it is ready, and nothing about its sessions. */
class StrangersLearnNothingTest {
    private final TestServer server = new TestServer();
    private final String id = server.desk.createSession(Ticker.of("AAPL"), new Actor("user", "test")).id();

    @AfterEach void stop() {
        server.close();
    }

    @Test void during_a_fault_neither_health_nor_ready_names_a_session() {
        server.desk.health(new Health(new Health.Component(false, "cannot read the journal of session " + id), new Health.Component(true, "in-process"),
                new Health.Component(false, "no quotes for session " + id)));

        HttpResponse<String> health = server.send(HttpRequest.newBuilder(server.uri("/health")).GET().build());
        HttpResponse<String> ready = server.send(HttpRequest.newBuilder(server.uri("/ready")).GET().build());

        assertThat(health.body()).doesNotContain(id);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).doesNotContain(id).doesNotContain("journal of");
        assertThat(server.parse(ready).path("journal").asText()).isEqualTo("DOWN");
        assertThat(server.parse(ready).path("bus").asText()).isEqualTo("UP");
    }

    @Test void an_upgrade_without_a_token_answers_the_same_whether_or_not_the_session_exists() throws Exception {
        String known = upgradeWithoutToken(id);
        String unknown = upgradeWithoutToken("no-such-session");

        assertThat(known).isEqualTo("101").isEqualTo(unknown);
    }

    @Test void once_authenticated_a_stream_of_an_unknown_session_is_closed_saying_so() throws Exception {
        Closing listener = new Closing();
        WebSocket socket = server.client.newWebSocketBuilder().buildAsync(stream("no-such-session"), listener).get(5, TimeUnit.SECONDS);

        socket.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.TOKEN + "\",\"lastSeq\":0}", true);

        assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isEqualTo(SessionStreamEndpoint.NO_SUCH_SESSION + " no session no-such-session");
    }

    /** The status of the upgrade: 101 when the socket opened, otherwise the refusal's status. */
    private String upgradeWithoutToken(String session) throws Exception {
        try {
            WebSocket socket = server.client.newWebSocketBuilder().buildAsync(stream(session), new Closing()).get(5, TimeUnit.SECONDS);
            socket.abort();
            return "101";
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) return Integer.toString(refused.getResponse().statusCode());
            throw e;
        }
    }

    private URI stream(String session) {
        return URI.create(server.server.baseUrl().replace("http://", "ws://") + "/ws/sessions/" + session);
    }

    private static final class Closing implements WebSocket.Listener {
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }
    }
}
