package io.quorum.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.QuorumServer;
import io.quorum.server.http.ServerMetrics;
import io.quorum.server.http.ServerSettings;
import io.quorum.server.ws.SessionStreamEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system under test: a real {@link QuorumServer} on a free loopback port, its stream endpoint
 * over a {@link StreamOnlyDesk}, and {@code clients} WebSocket clients of {@code java.net.http} in
 * the same JVM, authenticated by the token subprotocol and sending the server's own Origin, as the
 * web UI does. The clients share one {@link HttpClient} with a small executor, so that on a small
 * machine the server, not a thousand client threads, gets the cores.
 *
 * <p>The constructor returns once every client is live: each has pinged and had its pong, which
 * the server's stream sends only after the replay, from the live queue.
 */
final class WebSocketFanOut implements FanOut {
    static final SessionId SESSION = SessionId.of("bench-fan-out");
    private static final int CLIENT_THREADS = 2;
    private static final int CONNECTING_AT_ONCE = 50;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamOnlyDesk desk = new StreamOnlyDesk(SESSION);
    private final QuorumServer server;
    private final ExecutorService clientThreads;
    private final HttpClient http;
    private final List<Client> clients = new ArrayList<>();
    private final List<LatencyRecorder> recorders = new ArrayList<>();
    private final CountDownLatch live;

    WebSocketFanOut(PacedLoad load, int clientCount) throws Exception {
        String token = "bench-" + UUID.randomUUID();
        server = new QuorumServer(desk, AccessToken.explicit(token), ServerSettings.defaults(), new ServerMetrics(), SystemClock.INSTANCE)
                .start(0, "127.0.0.1");
        clientThreads = Executors.newFixedThreadPool(CLIENT_THREADS, Thread.ofPlatform().daemon().name("ws-client-", 0).factory());
        http = HttpClient.newBuilder().executor(clientThreads).connectTimeout(CONNECT_TIMEOUT).build();
        live = new CountDownLatch(clientCount);
        try {
            connect(load, clientCount, token);
            if (!live.await(LIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException((clientCount - live.getCount()) + " of " + clientCount + " clients live after " + LIVE_TIMEOUT.toSeconds() + " s");
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    @Override public void send(StreamEvent event) { desk.publish(event); }

    @Override public List<LatencyRecorder> recorders() { return recorders; }

    @Override public List<String> faults() {
        int closed = 0;
        int malformed = 0;
        for (Client client : clients) {
            if (client.closeCode.get() != 0) closed++;
            malformed += client.malformed.get();
        }
        List<String> faults = new ArrayList<>();
        if (closed > 0) faults.add(closed + " sockets closed by the server");
        if (malformed > 0) faults.add(malformed + " unreadable frames");
        return faults;
    }

    @Override public void close() {
        http.shutdownNow();
        server.stop();
        clientThreads.shutdownNow();
    }

    private void connect(PacedLoad load, int clientCount, String token) throws Exception {
        URI uri = URI.create(server.baseUrl().replace("http://", "ws://") + "/ws/sessions/" + SESSION.value() + "?lastSeq=0");
        for (int first = 0; first < clientCount; first += CONNECTING_AT_ONCE) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = first; i < Math.min(clientCount, first + CONNECTING_AT_ONCE); i++) {
                LatencyRecorder recorder = new LatencyRecorder(load);
                Client client = new Client(recorder);
                recorders.add(recorder);
                clients.add(client);
                opening.add(http.newWebSocketBuilder()
                        .header("Origin", server.baseUrl())
                        .subprotocols(SessionStreamEndpoint.SUBPROTOCOL_PREFIX + token)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .buildAsync(uri, client));
            }
            for (CompletableFuture<WebSocket> socket : opening) {
                socket.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).sendText("{\"type\":\"ping\"}", true);
            }
        }
    }

    /** One client: reads each probe's index from its frame and records its latency; counts its pong as the sign it is live. */
    private final class Client implements WebSocket.Listener {
        private final LatencyRecorder recorder;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicInteger closeCode = new AtomicInteger();
        private final AtomicInteger malformed = new AtomicInteger();
        private boolean ponged;

        Client(LatencyRecorder recorder) { this.recorder = recorder; }

        @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                read(partial);
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        private void read(CharSequence text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text.toString());
            } catch (IOException e) {
                malformed.incrementAndGet();
                return;
            }
            switch (frame.path("type").asText()) {
                case "market_alert" -> recorder.arrived(frame.path("data").path("index").asInt());
                case "pong" -> {
                    if (!ponged) {
                        ponged = true;
                        live.countDown();
                    }
                }
                default -> { }   // heartbeats while the others connect
            }
        }

        @Override public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeCode.set(statusCode);
            return null;
        }

        @Override public void onError(WebSocket socket, Throwable error) {
            closeCode.compareAndSet(0, -1);
        }
    }
}
