package io.quorum.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.DeskOperations;
import io.quorum.server.http.AccessToken;
import io.quorum.server.http.HttpProblem;
import io.quorum.server.http.ServerMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * {@code /ws/sessions/{id}}: the live stream of one session.
 *
 * <p>The upgrade is refused (403) when the Origin is not on the allow-list, because a page on
 * another site could otherwise ride on a browser's connection to the local desk. The client
 * authenticates either with the subprotocol {@code quorum.bearer.<token>} (checked before the
 * upgrade; Javalin echoes it back) and {@code ?lastSeq=N}, or with a first message
 * {@code {"type":"auth","token":"...","lastSeq":N}} within the auth timeout. Until then nothing
 * is sent; a wrong token or any other first message closes the socket with 1008.
 */
public final class SessionStreamEndpoint {
    public static final String PATH = "/ws/sessions/{id}";
    public static final String SUBPROTOCOL_PREFIX = "quorum.bearer.";
    public static final int POLICY_VIOLATION = 1008;
    /** Closes a stream authenticated by its first message for a session the desk does not know. */
    public static final int NO_SUCH_SESSION = 4404;
    public static final int GOING_AWAY = 1001;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final String AUTHENTICATED = "quorum.authenticated";

    private final DeskOperations desk;
    private final AccessToken token;
    private final ObjectMapper mapper;
    private final FrameEncoder encoder;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final Settings settings;
    private final Map<String, ClientStream> streams = new ConcurrentHashMap<>();
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Map<String, WsContext> sockets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService authTimeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ws-auth-timeout").factory());
    private volatile Set<String> allowedOrigins = Set.of();
    private volatile boolean stopping;

    /** How a stream behaves: per-client queue bound, idle heartbeat, time allowed for a first auth message. */
    public record Settings(int queueCapacity, Duration heartbeatInterval, Duration authTimeout) {
        public static Settings defaults() { return new Settings(1024, Duration.ofSeconds(15), Duration.ofSeconds(5)); }
    }

    public SessionStreamEndpoint(DeskOperations desk, AccessToken token, ObjectMapper mapper, Clock clock, ServerMetrics metrics, Settings settings) {
        this.desk = desk;
        this.token = token;
        this.mapper = mapper;
        this.encoder = new FrameEncoder(mapper);
        this.clock = clock;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Origins allowed to open a stream, e.g. {@code http://127.0.0.1:8080}; known only once the port is bound. */
    public void allowOrigins(Set<String> origins) {
        this.allowedOrigins = Set.copyOf(origins);
    }

    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade(PATH, this::checkUpgrade);
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                if (stopping) {   // upgraded just before the stop began
                    ctx.closeSession(GOING_AWAY, "the desk is shutting down");
                    return;
                }
                connected.add(ctx.sessionId());
                sockets.put(ctx.sessionId(), ctx);
                metrics.clientConnected();
                if (Boolean.TRUE.equals(ctx.attribute(AUTHENTICATED))) {
                    startStream(ctx, lastSeqFromQuery(ctx.queryParam("lastSeq")));
                } else {
                    authTimeouts.schedule(() -> closeIfUnauthenticated(ctx), settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
            ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
            ws.onClose(ctx -> disconnected(ctx));
            ws.onError(ctx -> disconnected(ctx));
        });
    }

    /** Closes every stream with 1001 and refuses new ones; once is enough, again is harmless. */
    public void shutdown() {
        stopping = true;
        authTimeouts.shutdownNow();
        streams.values().forEach(ClientStream::close);
        sockets.values().forEach(ctx -> {
            if (ctx.session.isOpen()) ctx.closeSession(GOING_AWAY, "the desk is shutting down");
        });
    }

    private void checkUpgrade(Context ctx) {
        if (stopping) throw HttpProblem.of(503, "Service Unavailable", "the desk is shutting down");
        String origin = ctx.header("Origin");
        if (origin != null && !allowedOrigins.contains(origin)) {
            throw HttpProblem.of(403, "Forbidden", "origin " + origin + " may not open a stream");
        }
        String protocol = ctx.header("Sec-WebSocket-Protocol");
        if (protocol != null) {
            String first = protocol.split(",", 2)[0].strip();
            if (!first.startsWith(SUBPROTOCOL_PREFIX) || !token.matches(first.substring(SUBPROTOCOL_PREFIX.length()))) {
                throw HttpProblem.unauthorized();
            }
            ctx.attribute(AUTHENTICATED, Boolean.TRUE);
            desk.session(sessionId(ctx.pathParam("id")));   // an unknown session is a 404 before the upgrade, to a client with the token
        } else {
            sessionId(ctx.pathParam("id"));   // without the token, the upgrade answers the same whether or not the session exists
        }
    }

    private void onMessage(WsContext ctx, String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (IOException e) {
            message = null;
        }
        String type = message != null && message.path("type").isTextual() ? message.path("type").asText() : "";
        ClientStream stream = streams.get(ctx.sessionId());
        if (stream != null) {
            if (type.equals("ping")) stream.requestPong();
            return;
        }
        if (type.equals("auth") && message.path("token").isTextual() && token.matches(message.path("token").asText())) {
            long lastSeq = message.path("lastSeq").canConvertToLong() ? Math.max(0, message.path("lastSeq").asLong()) : 0;
            ctx.attribute(AUTHENTICATED, Boolean.TRUE);
            if (!exists(sessionId(ctx.pathParam("id")))) {
                ctx.closeSession(NO_SUCH_SESSION, "no session " + ctx.pathParam("id"));
                return;
            }
            startStream(ctx, lastSeq);
        } else {
            ctx.closeSession(POLICY_VIOLATION, "authenticate first: {\"type\":\"auth\",\"token\":...}");
        }
    }

    private void startStream(WsContext ctx, long lastSeq) {
        ClientStream stream = new ClientStream(sessionId(ctx.pathParam("id")), desk, new JettySink(ctx), encoder, clock, metrics,
                settings.queueCapacity(), settings.heartbeatInterval());
        streams.put(ctx.sessionId(), stream);
        stream.start(lastSeq);
    }

    private void closeIfUnauthenticated(WsContext ctx) {
        if (!streams.containsKey(ctx.sessionId()) && ctx.session.isOpen()) {
            ctx.closeSession(POLICY_VIOLATION, "no authentication within " + settings.authTimeout().toSeconds() + " s");
        }
    }

    private void disconnected(WsContext ctx) {
        ClientStream stream = streams.remove(ctx.sessionId());
        if (stream != null) stream.close();
        sockets.remove(ctx.sessionId());
        if (connected.remove(ctx.sessionId())) metrics.clientDisconnected();
    }

    private boolean exists(SessionId id) {
        try {
            desk.session(id);
            return true;
        } catch (DeskException.NotFound e) {
            return false;
        }
    }

    private static SessionId sessionId(String raw) {
        try {
            return SessionId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new DeskException.NotFound("session", raw.length() > 64 ? raw.substring(0, 64) : raw);
        }
    }

    private static long lastSeqFromQuery(String raw) {
        if (raw == null) return 0;
        try {
            return Math.max(0, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Writes through Jetty and waits, so that a slow client holds up only its own writer. */
    private record JettySink(WsContext ctx) implements FrameSink {
        @Override public void send(String text) throws IOException {
            Callback.Completable done = new Callback.Completable();
            ctx.session.sendText(text, done);
            try {
                done.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("client did not take a frame", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while sending", e);
            }
        }

        @Override public void close(int code, String reason) {
            if (ctx.session.isOpen()) ctx.closeSession(code, reason);
        }
    }
}
