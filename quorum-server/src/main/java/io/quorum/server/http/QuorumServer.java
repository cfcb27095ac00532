package io.quorum.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.quorum.engine.port.Clock;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.DeskOperations;
import io.quorum.server.api.Health;
import io.quorum.server.backtest.BacktestRuns;
import io.quorum.server.ws.SessionStreamEndpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's HTTP and WebSocket server: the REST API of {@code docs/api.md}, the session streams,
 * {@code /health}, {@code /ready}, {@code /metrics}, {@code /openapi.json} and, when it is on the
 * classpath, the web UI. Everything but {@code /health}, {@code /ready} and the UI's static files
 * needs the access token.
 */
public final class QuorumServer {
    private static final Logger log = LoggerFactory.getLogger(QuorumServer.class);
    private static final String STARTED_AT = "quorum.startedAt";
    private static final String ROUTE = "quorum.route";
    private static final String WEB_INDEX = "/web/index.html";
    private static final Pattern WEB_FILE = Pattern.compile("(/[A-Za-z0-9_.-]+)+");
    private static final int[] PROBLEM_STATUSES = {400, 401, 403, 404, 405, 406, 408, 409, 413, 414, 415, 429, 431, 500, 501, 503};

    private final DeskOperations desk;
    private final AccessToken token;
    private final ServerSettings settings;
    private final ServerMetrics metrics;
    private final ObjectMapper mapper = Json.mapper();
    private final RateLimiter rateLimiter;
    private final SessionStreamEndpoint streams;
    private final List<Route> routes;
    private final List<Pattern> openPaths;
    private final java.util.concurrent.atomic.AtomicReference<String> lastReadiness = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean refusingCommands;
    private Javalin app;
    private String baseUrl;

    /** A server of the desk alone, with no backtests (a bench, a test of the desk's routes). */
    public QuorumServer(DeskOperations desk, AccessToken token, ServerSettings settings, ServerMetrics metrics, Clock clock) {
        this(desk, Optional.empty(), token, settings, metrics, clock);
    }

    /** @param backtests the server's backtests, whose routes are served when present */
    public QuorumServer(DeskOperations desk, Optional<BacktestRuns> backtests, AccessToken token, ServerSettings settings, ServerMetrics metrics, Clock clock) {
        this.desk = desk;
        this.token = token;
        this.settings = settings;
        this.metrics = metrics;
        this.rateLimiter = new RateLimiter(settings.mutationsPerSecond(), settings.mutationBurst(), System::nanoTime);
        this.streams = new SessionStreamEndpoint(desk, token, mapper, clock, metrics, settings.stream());
        ApiRoutes api = new ApiRoutes(desk, mapper);
        List<Route> table = new ArrayList<>(api.table());
        backtests.ifPresent(runs -> table.addAll(new BacktestRoutes(runs, api.reader()).table()));
        table.add(Route.of(HandlerType.GET, "/health", "Liveness: the process answers; no detail", this::health).open());
        table.add(Route.of(HandlerType.GET, "/ready", "Readiness of the journal, the market feed, the broker and the bus, each UP or DOWN; 503 unless all are up",
                this::ready).open());
        table.add(Route.of(HandlerType.GET, "/metrics", "Prometheus metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())));
        table.add(Route.of(HandlerType.GET, "/openapi.json", "This API described in OpenAPI 3.1", this::openApi));
        this.routes = List.copyOf(table);
        this.openPaths = openPaths(routes);
    }

    /**
     * Binds and starts serving; port 0 picks a free port. Binding beyond the loopback interface is
     * refused unless the operator chose the token, because a generated token printed on a console
     * is not a credential to expose to a network.
     */
    public QuorumServer start(int port, String host) {
        if (app != null) throw new IllegalStateException("already started on " + baseUrl);
        boolean loopback = isLoopback(host);
        if (!loopback && token.origin() != AccessToken.Origin.EXPLICIT) {
            throw new IllegalStateException("refusing to listen on " + host + " with a generated token: set QUORUM_TOKEN to a strong secret"
                    + " (and serve through TLS, e.g. a reverse proxy) or bind to 127.0.0.1");
        }
        app = Javalin.create(config -> configure(config, host, port));
        app.start();
        baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
        Set<String> origins = new LinkedHashSet<>(settings.allowedOrigins());
        if (origins.isEmpty()) {
            origins.add(baseUrl);
            origins.add("http://localhost:" + app.port());
            origins.add("http://127.0.0.1:" + app.port());
        }
        streams.allowOrigins(origins);
        if (!loopback) log.warn("Listening on {}, reachable from the network: put it behind TLS (a reverse proxy) before using it remotely", host);
        startupBanner().forEach(System.out::println);
        return this;
    }

    /**
     * The first step of a stop: from now on every command (POST, PUT, PATCH, DELETE) is refused
     * with 503, while reads and the streams go on until {@link #stop}.
     */
    /**
     * The first step of a stop: commands are refused (503) and every session stream is closed with
     * 1001 and a reason, before the desk behind them closes. A client resumes from its last seq on
     * reconnecting, so it loses nothing; a stream left open would fail on the closing journal instead.
     */
    public void beginStop() {
        refusingCommands = true;
        streams.shutdown();
    }

    public void stop() {
        streams.shutdown();
        if (app != null) app.stop();
        app = null;
    }

    public int port() { return app.port(); }

    public String baseUrl() { return baseUrl; }

    /** The table the server registers; also what {@code /openapi.json} describes. */
    public List<Route> routes() { return routes; }

    public ServerMetrics metrics() { return metrics; }

    /** What an operator needs to connect; the plain token only when it was generated by this start. */
    public List<String> startupBanner() {
        List<String> lines = new ArrayList<>();
        lines.add("Quorum is listening on " + baseUrl);
        switch (token.origin()) {
            case GENERATED -> {
                String plain = token.revealOnce().orElseThrow();
                lines.add("Access token (shown only now; only its hash is stored): " + plain);
                lines.add("Open the desk: " + baseUrl + "/#token=" + plain);
            }
            case STORED -> lines.add("Access token: the one printed at first start (only its hash is stored). Lost it? Restart with --new-token to rotate it.");
            case EXPLICIT -> lines.add("Access token: as configured (QUORUM_TOKEN or --token).");
        }
        return lines;
    }

    private void configure(JavalinConfig config, String host, int port) {
        config.startup.showJavalinBanner = false;
        config.jetty.host = host;
        config.jetty.port = port;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(mapper)));
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.routes.before(this::guard);
        for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> {
                ctx.attribute(ROUTE, route.path());
                route.handler().handle(ctx);
            });
        }
        streams.register(config.routes);
        config.routes.exception(HttpProblem.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            problem(ctx, e.toProblem());
        });
        config.routes.exception(DeskException.NotFound.class, (e, ctx) -> problem(ctx, Problem.of(404, "Not Found", e.getMessage(), List.of())));
        config.routes.exception(DeskException.Conflict.class, (e, ctx) -> problem(ctx, Problem.of(409, "Conflict", e.getMessage(), List.of())));
        config.routes.exception(DeskException.Unavailable.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            problem(ctx, Problem.of(503, "Service Unavailable", e.getMessage(), List.of()));
        });
        config.routes.exception(DeskException.Invalid.class, (e, ctx) -> problem(ctx, Problem.of(400, "Bad Request", e.getMessage(), e.errors())));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, Problem.of(e.getStatus(), title(e.getStatus()),
                e.getStatus() == 413 ? "the request body is limited to " + settings.maxBodyBytes() + " bytes" : e.getMessage(), List.of())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of(500, "Internal Server Error", "the desk could not complete the request; the server log has the details", List.of()));
        });
        for (int status : PROBLEM_STATUSES) {
            config.routes.error(status, ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith("application/")) {
                    problem(ctx, Problem.of(status, title(status), defaultDetail(ctx, status), List.of()));
                }
            });
        }
        config.routes.after(this::recordRequest);
        // The UI is one page at "/" (the static files' index.html) with no routes of its own. A
        // single-page fallback would answer every unknown path, /api/** included, with that page.
        if (QuorumServer.class.getResource(WEB_INDEX) != null) config.staticFiles.add("/web", Location.CLASSPATH);
    }

    /** Runs before every request: token, then size, then the rate limit for changes. */
    private void guard(Context ctx) {
        ctx.attribute(STARTED_AT, System.nanoTime());
        if (!needsToken(ctx.path())) return;
        if (ctx.queryParam("token") != null || ctx.queryParam("access_token") != null) {
            throw HttpProblem.badRequest("token", "never put the access token in a URL; send 'Authorization: Bearer <token>'");
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || !token.matches(authorization.substring(7).strip())) {
            throw HttpProblem.unauthorized();
        }
        long length = ctx.req().getContentLengthLong();
        if (length > settings.maxBodyBytes()) throw HttpProblem.contentTooLarge(settings.maxBodyBytes());
        if (isMutating(ctx.method()) && refusingCommands) {
            throw new HttpProblem(503, "Service Unavailable", "the desk is shutting down and takes no more commands", List.of(), Map.of("Retry-After", "5"));
        }
        if (isMutating(ctx.method())) {
            long retryAfter = rateLimiter.acquire(ctx.ip());
            if (retryAfter > 0) throw HttpProblem.tooManyRequests(retryAfter);
        }
    }

    /**
     * Everything needs the token except what the route table marks open, spelt exactly as the
     * table spells it, the session streams (which check the token themselves) and the UI's own
     * files. The check is derived from the table and closed by default, so a route added later, or
     * a spelling the router happens to accept ({@code /metrics/}, {@code /Metrics}, {@code ;x}), cannot escape it.
     */
    boolean needsToken(String path) {
        for (Pattern open : openPaths) {
            if (open.matcher(path).matches()) return false;
        }
        return !isWebFile(path);
    }

    private static List<Pattern> openPaths(List<Route> routes) {
        List<Pattern> open = new ArrayList<>();
        for (Route route : routes) {
            if (route.access() == Route.Access.OPEN) open.add(template(route.path()));
        }
        open.add(template(SessionStreamEndpoint.PATH));
        return List.copyOf(open);
    }

    /** A route template as a pattern of the raw path: each parameter is one segment of plain characters. */
    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[a-zA-Z]+}", "\\\\E[A-Za-z0-9_.-]+\\\\Q"));
    }

    /** {@code /} and the files of the web UI on the classpath, named in plain segments (no {@code ..}, {@code ;}, {@code %}, {@code //}). */
    private static boolean isWebFile(String path) {
        if (path.equals("/")) return QuorumServer.class.getResource(WEB_INDEX) != null;
        if (!WEB_FILE.matcher(path).matches() || path.contains("..")) return false;
        return QuorumServer.class.getResource("/web" + path) != null;
    }

    private static boolean isMutating(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** Liveness, as a load balancer or systemd asks it: the server answers. It says nothing else to a caller without a token. */
    private void health(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    /**
     * Readiness: each component UP or DOWN, never its detail, which may name a session and is for
     * the operator: it is logged when the answer changes.
     */
    private void ready(Context ctx) {
        Health health;
        try {
            health = desk.health();
        } catch (RuntimeException e) {
            log.warn("readiness check failed", e);
            Health.Component unknown = new Health.Component(false, "readiness check failed: " + e);
            health = new Health(unknown, unknown, unknown, unknown);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", upOrDown(health.ready()));
        body.put("journal", upOrDown(health.database().up()));
        body.put("feed", upOrDown(health.marketFeed().up()));
        body.put("broker", upOrDown(health.broker().up()));
        body.put("bus", upOrDown(health.bus().up()));
        String details = "journal: " + health.database().detail() + "; feed: " + health.marketFeed().detail()
                + "; broker: " + health.broker().detail() + "; bus: " + health.bus().detail();
        String previous = lastReadiness.getAndSet(body.toString());
        if (!body.toString().equals(previous) && previous != null) {
            if (health.ready()) log.info("ready again: {}", details);
            else log.warn("not ready: {}", details);
        }
        ctx.status(health.ready() ? 200 : 503).json(body);
    }

    private static String upOrDown(boolean up) { return up ? "UP" : "DOWN"; }

    private void openApi(Context ctx) throws JsonProcessingException {
        ctx.contentType("application/json").result(mapper.writeValueAsString(OpenApiDocument.describe(routes, SessionStreamEndpoint.PATH)));
    }

    private void recordRequest(Context ctx) {
        Long startedAt = ctx.attribute(STARTED_AT);
        if (startedAt == null) return;
        String route = ctx.attribute(ROUTE);
        metrics.recordRequest(ctx.method().name(), route == null ? "unmatched" : route, ctx.res().getStatus(), System.nanoTime() - startedAt);
    }

    private void problem(Context ctx, Problem problem) {
        drainBody(ctx);
        try {
            ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serialises", e);
        }
    }

    /**
     * Reads and drops a body within the cap that nobody read before the request was refused (no
     * token, no route), so that the connection stays usable: a server that answers and closes
     * while the client is still sending makes the client lose the answer to a reset.
     */
    private void drainBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= 0 || length > settings.maxBodyBytes()) return;
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException | IllegalStateException alreadyReadOrGone) {
            // read by the handler already, or the client went away: nothing left to drain
        }
    }

    private static String defaultDetail(Context ctx, int status) {
        return switch (status) {
            case 404 -> "no route " + ctx.method() + " " + abbreviate(ctx.path());
            case 405 -> "method " + ctx.method() + " is not allowed on " + abbreviate(ctx.path());
            default -> title(status).toLowerCase(Locale.ROOT);
        };
    }

    private static String title(int status) {
        String message = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        return message == null ? "Error" : message;
    }

    private static String abbreviate(String path) {
        return path.length() <= 100 ? path : path.substring(0, 100) + "…";
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host to listen on: " + host, e);
        }
    }
}
