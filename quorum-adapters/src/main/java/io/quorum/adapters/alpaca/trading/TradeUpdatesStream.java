package io.quorum.adapters.alpaca.trading;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.http.Backoff;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code trade_updates} stream ({@code wss://…/stream}), kept open: on connecting it sends the
 * keys ({@code {"action":"auth","key":…,"secret":…}}), and once the server answers
 * {@code {"stream":"authorization","data":{"status":"authorized"}}} it asks for the updates
 * ({@code {"action":"listen","data":{"streams":["trade_updates"]}}}). It is up from the server's
 * {@code listening} answer until the connection is lost; then it connects again after a jittered
 * backoff. The paper server sends binary frames, the live one text: both are read.
 */
final class TradeUpdatesStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradeUpdatesStream.class);
    private static final String LISTEN = "{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}";

    private final AlpacaTradingSettings settings;
    private final AlpacaKeys keys;
    private final Consumer<TradingJson.TradeUpdate> updates;
    private final Runnable onListening;
    private final Backoff backoff;
    private final ScheduledExecutorService thread;
    private final HttpClient http;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile String lastProblem = "";
    /** The connection in use or being made; null while waiting to connect again. Guarded by this. */
    private Connection current;
    private int failedConnections;

    /**
     * @param updates     hears every trade update, on the stream's thread
     * @param onListening told each time the stream is up again, to catch up on what it may have missed
     */
    TradeUpdatesStream(AlpacaTradingSettings settings, AlpacaKeys keys, Consumer<TradingJson.TradeUpdate> updates, Runnable onListening) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.onListening = Objects.requireNonNull(onListening, "onListening");
        this.backoff = Backoff.of(settings.initialBackoff(), settings.maxBackoff());
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alpaca-trade-updates").daemon()
                .uncaughtExceptionHandler((on, fault) -> LOG.warn("a listener of the Alpaca trade updates failed; the stream goes on", fault)).factory());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).executor(thread).build();
    }

    synchronized void start() {
        if (current == null && !closed) execute(this::connect);
    }

    /** True while the server streams the updates; false while connecting or connecting again. */
    boolean isListening() { return listening; }

    long connections() { return connections.get(); }

    long drops() { return drops.get(); }

    String lastProblem() { return lastProblem; }

    @Override public void close() {
        closed = true;
        Connection last;
        synchronized (this) {
            last = current;
            current = null;
        }
        listening = false;
        if (last != null) last.hangUp();
        thread.shutdownNow();
        http.shutdownNow();
    }

    private synchronized void connect() {
        if (closed) return;
        Connection connection = new Connection();
        current = connection;
        connections.incrementAndGet();
        http.newWebSocketBuilder().connectTimeout(settings.timeout()).buildAsync(settings.stream(), connection)
                .whenComplete((socket, fault) -> {
                    if (fault != null) ended(connection, "could not connect: " + fault.getMessage());
                });
    }

    private void ended(Connection connection, String why) {
        Duration delay;
        synchronized (this) {
            if (connection != current || closed) return;
            current = null;
            listening = false;
            failedConnections++;
            delay = backoff.delay(failedConnections);
        }
        drops.incrementAndGet();
        lastProblem = why;
        connection.hangUp();
        LOG.warn("Alpaca trade updates stream {}; orders are polled, and the stream connects again in {} ms", why, delay.toMillis());
        try {
            thread.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Alpaca trade updates stream closed; not connecting again");
        }
    }

    private void read(Connection connection, String frame) {
        JsonNode message = TradingJson.tree(frame);
        JsonNode data = message.path("data");
        switch (message.path("stream").asText("")) {
            case "authorization" -> {
                if (data.path("status").asText("").equals("authorized")) connection.send(LISTEN);
                else ended(connection, "was refused the keys from " + keys.origin() + " (" + data.path("status").asText("") + ")");
            }
            case "listening" -> {
                for (JsonNode stream : data.path("streams")) {
                    if (stream.asText().equals("trade_updates")) {
                        synchronized (this) {
                            if (connection != current) return;
                            failedConnections = 0;
                            listening = true;
                        }
                        onListening.run();
                    }
                }
            }
            case "trade_updates" -> TradingJson.tradeUpdate(data).ifPresentOrElse(updates,
                    () -> lastProblem = "skipped an unreadable trade update");
            default -> lastProblem = "skipped a message of no known stream";
        }
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Alpaca trade updates stream closed; task dropped");
        }
    }

    /** One connection: its socket and the frame being received. */
    private final class Connection implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        /** A binary frame's bytes, decoded once whole: a character may span two parts. */
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile WebSocket socket;

        @Override public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.sendText(keys.streamAuthentication(), true);
            webSocket.request(1);
        }

        @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
            received(part, last);
            webSocket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer part, boolean last) {
            byte[] chunk = new byte[part.remaining()];
            part.get(chunk);
            bytes.writeBytes(chunk);
            if (last) {
                received(bytes.toString(StandardCharsets.UTF_8), true);
                bytes.reset();
            }
            webSocket.request(1);
            return null;
        }

        private void received(CharSequence part, boolean last) {
            text.append(part);
            if (!last) return;
            String frame = text.toString();
            text.setLength(0);
            read(this, frame);
        }

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(this, "was closed by the server (" + statusCode + (reason.isBlank() ? "" : " " + reason) + ")");
            return null;
        }

        @Override public void onError(WebSocket webSocket, Throwable error) { ended(this, "failed: " + error); }

        void send(String message) {
            WebSocket open = socket;
            if (open != null) open.sendText(message, true);
        }

        void hangUp() {
            WebSocket open = socket;
            if (open != null) open.abort();
        }
    }
}
