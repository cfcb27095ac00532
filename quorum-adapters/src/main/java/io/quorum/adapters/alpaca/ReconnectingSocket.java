package io.quorum.adapters.alpaca;

import io.quorum.adapters.http.Backoff;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket to one of the provider's streams, kept open: a connection that is lost (closed by the
 * server, failed, or ended by its {@link Protocol}) is made again after a jittered backoff, until
 * {@link #close}. Whole frames, text or binary (the paper trading server sends binary), are handed
 * to the protocol on the socket's own thread ({@code alpaca-<name>}), which also runs the protocol's
 * tasks ({@link #execute}), so a protocol sees its connections one event at a time.
 *
 * <p>What the stream says (authentication, subscriptions) is the protocol's; when to connect, how
 * long to wait, and which connection is the current one are the socket's.
 */
public final class ReconnectingSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSocket.class);

    /** What is said on each connection. Its calls come on the socket's thread. */
    public interface Protocol {
        /** A connection is open; nothing has been received on it yet. */
        void opened(Link link);

        /** One whole frame arrived on {@code link}. */
        void received(Link link, String frame);
    }

    private final String name;
    private final URI url;
    private final Duration timeout;
    private final Duration longestWait;
    private final Backoff backoff;
    private final Protocol protocol;
    private final ScheduledExecutorService thread;
    private final HttpClient http;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private volatile String lastProblem = "";
    private volatile boolean closed;
    /** The connection in use or being made; null while waiting to connect again. Guarded by this. */
    private Connection current;
    private int failedConnections;
    /** Whether {@link #start} has been called. Guarded by this. */
    private boolean started;

    /**
     * @param name    the stream's name in logs and in its thread's name ({@code market}, {@code news}, {@code trade-updates})
     * @param timeout how long connecting may take
     * @param initialBackoff the first wait before connecting again; it doubles up to {@code maxBackoff}
     */
    public ReconnectingSocket(String name, URI url, Duration timeout, Duration initialBackoff, Duration maxBackoff, Protocol protocol) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.longestWait = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.backoff = Backoff.of(initialBackoff, maxBackoff);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alpaca-" + name).daemon()
                .uncaughtExceptionHandler((on, fault) -> LOG.warn("a listener of the Alpaca {} stream failed; the stream goes on", name, fault))
                .factory());
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(thread).build();
    }

    /**
     * Connects, the first time it is called; after that the socket keeps itself connected. Two
     * subscriptions made at once each start the stream, and before the first connection is under
     * way both would see none: the venue allows one connection per key, so a second one must never
     * be made beside the first.
     */
    public synchronized void start() {
        if (started || closed) return;
        started = true;
        execute(this::connect);
    }

    /** Runs {@code task} on the socket's thread, after what was handed to it before; dropped once closed. */
    public void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Alpaca {} stream closed; task dropped", name);
        }
    }

    public long connections() { return connections.get(); }

    public long drops() { return drops.get(); }

    public String lastProblem() { return lastProblem; }

    /** Keeps {@code problem} as the last one seen, for the stream's health detail. */
    public void noteProblem(String problem) { lastProblem = Objects.requireNonNull(problem, "problem"); }

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
        http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(url, connection)
                .whenComplete((socket, fault) -> {
                    if (fault != null) ended(connection, "could not connect: " + describe(fault), backoffWait());
                });
    }

    private synchronized Duration backoffWait() { return backoff.delay(failedConnections + 1); }

    /** The connection is over: unless it was given up already, another is made after {@code wait}. */
    private void ended(Connection connection, String why, Duration wait) {
        synchronized (this) {
            if (connection != current || closed) return;
            current = null;
            failedConnections++;
        }
        drops.incrementAndGet();
        lastProblem = why;
        connection.hangUp();
        LOG.warn("Alpaca {} stream {}; connecting again in {} ms", name, why, wait.toMillis());
        try {
            thread.schedule(this::connect, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("Alpaca {} stream closed; not connecting again", name);
        }
    }

    private synchronized boolean up(Connection connection) {
        if (connection != current) return false;
        if (failedConnections > 0) LOG.info("Alpaca {} stream is back after {} failed connections", name, failedConnections);
        failedConnections = 0;
        return true;
    }

    private synchronized boolean isCurrent(Connection connection) { return connection == current && !closed; }

    private static String describe(Throwable fault) {
        Throwable cause = fault.getCause() != null && fault instanceof CompletionException ? fault.getCause() : fault;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** One connection as its protocol sees it. */
    public sealed interface Link permits Connection {
        /** Sends {@code message} after what was sent before on this connection; nothing once it is over. */
        void send(String message);

        /** The stream is up on this connection: the backoff starts afresh. False if it is no longer the current one. */
        boolean up();

        /** True while this is the socket's connection. */
        boolean isCurrent();

        /** Ends this connection; another is made after the backoff. */
        void end(String why);

        /** Ends this connection; another is made after the longest backoff, for a server that asked to be left alone. */
        void endForLongest(String why);
    }

    /** One connection: its socket and the frame being received. */
    private final class Connection implements WebSocket.Listener, Link {
        private final StringBuilder text = new StringBuilder();
        /** A binary frame's bytes, decoded once whole: a character may span two parts. */
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        @Override public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            protocol.opened(this);
            webSocket.request(1);
        }

        @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
            text.append(part);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                protocol.received(this, frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer part, boolean last) {
            byte[] chunk = new byte[part.remaining()];
            part.get(chunk);
            bytes.writeBytes(chunk);
            if (last) {
                String frame = bytes.toString(StandardCharsets.UTF_8);
                bytes.reset();
                protocol.received(this, frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end("was closed by the server (" + statusCode + (reason.isBlank() ? "" : " " + reason) + ")");
            return null;
        }

        @Override public void onError(WebSocket webSocket, Throwable error) { end("failed: " + describe(error)); }

        @Override public synchronized void send(String message) {
            WebSocket open = socket;
            if (open == null) return;
            sending = sending.thenCompose(ignored -> open.sendText(message, true)).handle((sent, fault) -> null);
        }

        @Override public boolean up() { return ReconnectingSocket.this.up(this); }

        @Override public boolean isCurrent() { return ReconnectingSocket.this.isCurrent(this); }

        @Override public void end(String why) { ended(this, why, backoffWait()); }

        @Override public void endForLongest(String why) { ended(this, why, longestWait); }

        void hangUp() {
            WebSocket open = socket;
            if (open != null) open.abort();
        }
    }
}
