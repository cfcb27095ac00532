package io.quorum.adapters.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.adapters.http.Backoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket stream of the provider, kept open: it connects, answers the server's
 * {@code connected} with the keys ({@code {"action":"auth","key":…,"secret":…}}), and once
 * {@code authenticated} subscribes the wanted symbols on its channels
 * ({@code {"action":"subscribe","trades":[…],"quotes":[…],"bars":[…]}}); later changes are sent as
 * they come. A connection that is lost (closed, failed, or dropped after an error whose
 * {@link StreamError.Reaction} says so) is made again after a jittered backoff, and the wanted
 * symbols are subscribed again on it. Nothing the server does stops the stream; only {@link #close}.
 *
 * <p>Frames are decoded and their data handed to the listener on the stream's own thread
 * ({@code alpaca-<name>}). The keys are sent in the auth message only, never logged.
 */
final class AlpacaStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNREADABLE_LOGGED_IN_FULL = 10;

    private final String name;
    private final URI url;
    private final AlpacaKeys keys;
    private final List<String> channels;
    private final StreamListener data;
    private final AlpacaSettings settings;
    private final Backoff backoff;
    private final ScheduledExecutorService thread;
    private final HttpClient http;
    private final StreamDecoder decoder = new StreamDecoder();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private volatile Set<String> confirmed = Set.of();
    private volatile String lastProblem = "";
    private volatile boolean closed;
    /** The connection in use or being made; null while waiting to connect again. Guarded by this. */
    private Connection current;
    private int failedConnections;

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong authentications = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong providerErrors = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    /**
     * @param name     the stream's name in logs and in its thread's name: {@code market} or {@code news}
     * @param channels the channels each wanted symbol is subscribed on: {@code trades, quotes, bars} or {@code news}
     * @param data     hears the stream's trades, quotes, bars and stories, on the stream's thread
     */
    AlpacaStream(String name, URI url, AlpacaKeys keys, List<String> channels, StreamListener data, AlpacaSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.channels = List.copyOf(channels);
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = Backoff.of(settings.initialBackoff(), settings.maxBackoff());
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alpaca-" + name).daemon()
                .uncaughtExceptionHandler((on, fault) -> LOG.warn("a listener of the Alpaca {} stream failed; the stream goes on", name, fault))
                .factory());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).executor(thread).build();
    }

    /** Connects, unless connected already. */
    synchronized void start() {
        if (current == null && !closed) execute(this::connect);
    }

    /** Subscribes {@code symbol} on every channel, now if the stream is authenticated, else as soon as it is. */
    void add(String symbol) {
        if (wanted.add(symbol)) execute(() -> change("subscribe", List.of(symbol)));
    }

    /** Unsubscribes {@code symbol}. */
    void remove(String symbol) {
        if (wanted.remove(symbol)) execute(() -> change("unsubscribe", List.of(symbol)));
    }

    StreamStats stats() {
        return new StreamStats(connections.get(), authentications.get(), drops.get(), providerErrors.get(), unreadable.get(), confirmed, lastProblem);
    }

    @Override public void close() {
        closed = true;
        Connection last;
        synchronized (this) {
            last = current;
            current = null;
        }
        if (last != null) last.hangUp();
        thread.shutdownNow();
        http.shutdownNow();
    }

    private synchronized void connect() {
        if (closed) return;
        Connection connection = new Connection();
        current = connection;
        connections.incrementAndGet();
        http.newWebSocketBuilder().connectTimeout(settings.timeout()).buildAsync(url, connection)
                .whenComplete((socket, fault) -> {
                    if (fault != null) ended(connection, "could not connect: " + describe(fault), StreamError.Reaction.RECONNECT);
                });
    }

    private synchronized void change(String action, Collection<String> symbols) {
        if (current != null && current.authenticated) current.send(subscription(action, symbols));
    }

    /** The connection is over: unless it was given up already, another is made after the reaction's wait. */
    private void ended(Connection connection, String why, StreamError.Reaction reaction) {
        Duration delay;
        synchronized (this) {
            if (connection != current || closed) return;
            current = null;
            failedConnections++;
            delay = reaction == StreamError.Reaction.RECONNECT_LATE ? settings.maxBackoff() : backoff.delay(failedConnections);
        }
        drops.incrementAndGet();
        lastProblem = why;
        connection.hangUp();
        LOG.warn("Alpaca {} stream {}; connecting again in {} ms", name, why, delay.toMillis());
        try {
            thread.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Alpaca {} stream closed; not connecting again", name);
        }
    }

    private synchronized void authenticated(Connection connection) {
        if (connection != current) return;
        authentications.incrementAndGet();
        if (failedConnections > 0) LOG.info("Alpaca {} stream is back after {} failed connections", name, failedConnections);
        failedConnections = 0;
        if (!wanted.isEmpty()) connection.send(subscription("subscribe", Set.copyOf(wanted)));
    }

    private String subscription(String action, Collection<String> symbols) {
        ObjectNode message = JSON.createObjectNode().put("action", action);
        for (String channel : channels) {
            ArrayNode list = message.putArray(channel);
            for (String symbol : symbols) list.add(symbol);
        }
        return message.toString();
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Alpaca {} stream closed; task dropped", name);
        }
    }

    private static String describe(Throwable fault) {
        Throwable cause = fault.getCause() != null && fault instanceof CompletionException ? fault.getCause() : fault;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** One connection: its socket, the frame being received, and what it has been told. */
    private final class Connection implements WebSocket.Listener, StreamListener {
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean authenticated;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        @Override public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                decoder.decode(frame, this);
            }
            webSocket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer bytes, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(this, "was closed by the server (" + statusCode + (reason.isBlank() ? "" : " " + reason) + ")", StreamError.Reaction.RECONNECT);
            return null;
        }

        @Override public void onError(WebSocket webSocket, Throwable error) {
            ended(this, "failed: " + describe(error), StreamError.Reaction.RECONNECT);
        }

        @Override public void trade(String symbol, long epochMillis, long priceMicros, long size) { data.trade(symbol, epochMillis, priceMicros, size); }

        @Override public void quote(String symbol, long epochMillis, long bidMicros, long askMicros) { data.quote(symbol, epochMillis, bidMicros, askMicros); }

        @Override public void minuteBar(String symbol, long startMillis, long openMicros, long highMicros, long lowMicros, long closeMicros, long volume) {
            data.minuteBar(symbol, startMillis, openMicros, highMicros, lowMicros, closeMicros, volume);
        }

        @Override public void story(NewsStory story) { data.story(story); }

        @Override public void success(String message) {
            if (message.equals("connected")) {
                send(keys.streamAuthentication());
            } else if (message.equals("authenticated")) {
                authenticated = true;
                authenticated(this);
            }
        }

        @Override public void error(int code, String message) {
            providerErrors.incrementAndGet();
            StreamError error = StreamError.of(code);
            String why = "answered error " + code + " \"" + message + "\": " + error.meaning();
            lastProblem = why;
            if (error == StreamError.AUTH_FAILED || error == StreamError.INSUFFICIENT_SUBSCRIPTION) why += " (keys from " + keys.origin() + ")";
            if (error.reaction() == StreamError.Reaction.KEEP) LOG.warn("Alpaca {} stream {}", name, why);
            else ended(this, why, error.reaction());
        }

        @Override public void subscribed(Map<String, List<String>> byChannel) {
            Set<String> symbols = new HashSet<>();
            for (String channel : channels) symbols.addAll(byChannel.getOrDefault(channel, List.of()));
            confirmed = symbols;
        }

        @Override public void unreadable(String why) {
            long count = unreadable.incrementAndGet();
            lastProblem = "skipped " + why;
            if (count <= UNREADABLE_LOGGED_IN_FULL || count % 1_000 == 0) LOG.warn("Alpaca {} stream skipped {} ({} so far)", name, why, count);
        }

        /** Sends after what was sent before: the socket takes one message at a time. */
        synchronized void send(String message) {
            WebSocket open = socket;
            if (open == null) return;
            sending = sending.thenCompose(ignored -> open.sendText(message, true)).handle((sent, fault) -> null);
        }

        void hangUp() {
            WebSocket open = socket;
            if (open != null) open.abort();
        }
    }
}
