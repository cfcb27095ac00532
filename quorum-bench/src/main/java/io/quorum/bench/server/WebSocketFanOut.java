package io.quorum.bench.server;

import io.quorum.bench.PacedLoad;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.QuorumServer;
import io.quorum.server.http.ServerMetrics;
import io.quorum.server.http.ServerSettings;
import io.quorum.server.ws.SessionStreamEndpoint;
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
    private static final String PROBE_TYPE = "\"type\":\"agent_message\"";
    private static final String PROBE_INDEX = "\"index\":";
    private static final String PONG_TYPE = "\"type\":\"pong\"";

    private final StreamOnlyDesk desk = new StreamOnlyDesk(SESSION);
    private final QuorumServer server;
    private final ExecutorService clientThreads;
    private final HttpClient http;
    private final List<Client> clients = new ArrayList<>();
    private final List<Arrivals> consumers = new ArrayList<>();
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

    @Override public List<Arrivals> arrivals() { return consumers; }

    @Override public List<String> faults() {
        int closed = 0;
        int malformed = 0;
        for (Client client : clients) {
            if (client.closeCode.get() != 0) closed++;
            malformed += client.malformed.get();
        }
        List<String> faults = new ArrayList<>();
        if (closed > 0) faults.add(closed + " sockets closed or failed");
        if (malformed > 0) faults.add(malformed + " unreadable frames");
        return faults;
    }

    @Override public void close() {
        http.shutdownNow();
        server.stop();
        clientThreads.shutdownNow();
    }

    /** The non-negative integer written at {@code from}, or -1 when there is none. */
    private static int digitsAt(String text, int from) {
        int value = 0;
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            value = Math.addExact(Math.multiplyExact(value, 10), text.charAt(end) - '0');
            end++;
        }
        return end == from ? -1 : value;
    }

    private void connect(PacedLoad load, int clientCount, String token) throws Exception {
        URI uri = URI.create(server.baseUrl().replace("http://", "ws://") + "/ws/sessions/" + SESSION.value() + "?lastSeq=0");
        for (int first = 0; first < clientCount; first += CONNECTING_AT_ONCE) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = first; i < Math.min(clientCount, first + CONNECTING_AT_ONCE); i++) {
                Arrivals consumer = new Arrivals(load);
                Client client = new Client(consumer);
                consumers.add(consumer);
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

    /** One client: records the arrival of each probe and counts its first pong as the sign that its stream is live. */
    private final class Client implements WebSocket.Listener {
        private final Arrivals arrivals;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicInteger closeCode = new AtomicInteger();
        private final AtomicInteger malformed = new AtomicInteger();
        private boolean ponged;

        Client(Arrivals arrivals) { this.arrivals = arrivals; }

        @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (last && partial.isEmpty()) {
                read(data.toString());
            } else {
                partial.append(data);
                if (last) {
                    read(partial.toString());
                    partial.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }

        /** Reads a frame by searching its text: the clients share the bench's two cores with the server, so they do not build a JSON tree per frame. */
        private void read(String frame) {
            if (frame.contains(PROBE_TYPE)) {
                int at = frame.indexOf(PROBE_INDEX);
                int index = at < 0 ? -1 : digitsAt(frame, at + PROBE_INDEX.length());
                if (index < 0) malformed.incrementAndGet();
                else arrivals.arrived(index);
            } else if (frame.contains(PONG_TYPE) && !ponged) {
                ponged = true;
                live.countDown();
            }
            // anything else is a heartbeat while the others connect
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
