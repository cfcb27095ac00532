package io.quorum.adapters.alpaca;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.quorum.adapters.testing.LocalHttpServer;
import io.quorum.engine.market.Bar;
import io.quorum.engine.port.MarketDataFeed;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A local server speaking Alpaca's documented formats, on a free port of the loopback interface:
 * the bars and news REST endpoints ({@code /v2/stocks/{symbol}/bars}, {@code /v1beta1/news}) and
 * the market data and news streams ({@code /v2/{feed}}, {@code /v1beta1/news}), with their
 * {@code connected}, auth, subscription and error messages. Scripted REST answers are served
 * first, in order; a stream connection can be refused with an error code or dropped.
 */
public final class AlpacaServer implements AutoCloseable {
    public static final String KEY_ID = "PKTESTKEYID0000000001";
    public static final String SECRET_KEY = "canary-secret-9f8e7d6c5b4a";
    static final Map<String, String> ENVIRONMENT = Map.of(AlpacaKeys.KEY_ID_VARIABLE, KEY_ID, AlpacaKeys.SECRET_KEY_VARIABLE, SECRET_KEY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** One scripted REST answer. */
    record Answer(int status, String body, Duration delay, Map<String, String> headers) {
        static Answer status(int status, String body) { return new Answer(status, body, Duration.ZERO, Map.of()); }

        static Answer slow(Duration delay) { return new Answer(200, "{}", delay, Map.of()); }

        Answer withHeader(String name, String value) { return new Answer(status, body, delay, Map.of(name, value)); }
    }

    private final Javalin app;
    private final Map<String, Supplier<List<Bar>>> daily = new ConcurrentHashMap<>();
    private final Map<String, Supplier<List<Bar>>> minutes = new ConcurrentHashMap<>();
    private final List<ObjectNode> stories = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Deque<Integer> refusals = new ArrayDeque<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int symbolLimit = Integer.MAX_VALUE;
    private volatile int pageSize = Integer.MAX_VALUE;

    /** The sockets of one stream path and what each subscribed. */
    private static final class Stream {
        final List<String> channels;
        final Map<String, WsContext> authenticated = new ConcurrentHashMap<>();
        final Map<String, Set<String>> subscribed = new ConcurrentHashMap<>();

        Stream(List<String> channels) { this.channels = channels; }
    }

    public AlpacaServer() {
        streams.put("/v2/iex", new Stream(List.of("trades", "quotes", "bars")));
        streams.put("/v2/sip", new Stream(List.of("trades", "quotes", "bars")));
        streams.put("/v1beta1/news", new Stream(List.of("news")));
        app = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            config.routes.get("/v2/stocks/{symbol}/bars", this::bars);
            config.routes.get("/v1beta1/news", this::news);
            for (Map.Entry<String, Stream> stream : streams.entrySet()) config.routes.ws(stream.getKey(), ws -> socket(ws, stream.getValue()));
        });
        app.start();
    }

    public AlpacaSettings settings() {
        return AlpacaSettings.defaults()
                .withServers(URI.create("http://127.0.0.1:" + app.port()), URI.create("ws://127.0.0.1:" + app.port()))
                .withTimeout(Duration.ofMillis(1500))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
                .withAttempts(3);
    }

    static AlpacaKeys keys() { return AlpacaKeys.fromEnvironment(ENVIRONMENT, AlpacaKeys.KEY_ID_VARIABLE, AlpacaKeys.SECRET_KEY_VARIABLE).orElseThrow(); }

    /** {@code symbol}'s daily and minute bars, as they are when asked. */
    public void serve(String symbol, Supplier<List<Bar>> dailyBars, Supplier<List<Bar>> minuteBars) {
        daily.put(symbol, dailyBars);
        minutes.put(symbol, minuteBars);
    }

    void script(Answer... answers) {
        synchronized (scripted) {
            scripted.addAll(List.of(answers));
        }
    }

    public List<String> requests() { return requests; }

    /** The next stream connections answer {@code code} to their auth message instead of authenticating them. */
    void refuseNextConnections(int code, int times) {
        synchronized (refusals) {
            for (int i = 0; i < times; i++) refusals.add(code);
        }
    }

    void limitSymbols(int limit) { symbolLimit = limit; }

    /** Pages hold at most {@code size} bars whatever the limit asked, as the provider may answer fewer than asked. */
    void limitPages(int size) { pageSize = size; }

    /** Adds a story to the history only, as one published before the feed connected. */
    void addToHistory(long id, String headline, Instant createdAt, String... symbols) { stories.add(story(id, headline, createdAt, symbols)); }

    /** Sends {@code frame} to the news stream's subscribers of {@code symbol}, once one is. */
    void sendNews(String symbol, String frame) { send(streams.get("/v1beta1/news"), symbol, frame); }

    int connections() { return connections.get(); }

    /** Adds a story to the history and sends it to the news stream's subscribers of its symbols. */
    void publishStory(long id, String headline, Instant createdAt, String... symbols) {
        ObjectNode story = story(id, headline, createdAt, symbols);
        stories.add(story);
        sendStory(story);
    }

    /** Sends again every story published, as a stream does after a reconnection. */
    void republishStories() {
        for (ObjectNode story : stories) sendStory(story);
    }

    /** Sends {@code frame} to every market stream socket subscribed to {@code symbol}, once one is. */
    void sendMarket(String symbol, String frame) { send(streams.get("/v2/iex"), symbol, frame); }

    /** Closes every stream socket from the server's side, as a lost connection does. */
    void dropConnections() {
        for (Stream stream : streams.values()) {
            for (WsContext socket : stream.authenticated.values()) socket.closeSession(1011, "going away");
        }
    }

    /** Whether some socket of the market stream is subscribed to {@code symbol}. */
    boolean marketSubscribed(String symbol) { return subscribed(streams.get("/v2/iex"), symbol); }

    @Override public void close() { app.stop(); }

    // --- REST -------------------------------------------------------------------------------

    private boolean answeredFromScript(Context ctx) {
        requests.add(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        Answer answer;
        synchronized (scripted) {
            answer = scripted.pollFirst();
        }
        if (!KEY_ID.equals(ctx.header("APCA-API-KEY-ID")) || !SECRET_KEY.equals(ctx.header("APCA-API-SECRET-KEY"))) {
            answer = Answer.status(403, "{\"message\":\"forbidden\"}");
        }
        if (answer == null) return false;
        if (!answer.delay().isZero()) pause(answer.delay());
        answer.headers().forEach(ctx::header);
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
        return true;
    }

    private void bars(Context ctx) {
        if (answeredFromScript(ctx)) return;
        String symbol = ctx.pathParam("symbol");
        String timeframe = ctx.queryParam("timeframe");
        Supplier<List<Bar>> source = "1Day".equals(timeframe) ? daily.get(symbol) : "1Min".equals(timeframe) ? minutes.get(symbol) : null;
        if (source == null) {
            ctx.status(422).contentType("application/json").result("{\"code\":42210000,\"message\":\"invalid symbol: " + symbol + "\"}");
            return;
        }
        Instant start = ctx.queryParam("start") == null ? Instant.EPOCH : Instant.parse(ctx.queryParam("start"));
        List<Bar> selected = new ArrayList<>();
        for (Bar bar : source.get()) if (!wireTime(bar).isBefore(start)) selected.add(bar);
        if ("desc".equals(ctx.queryParam("sort"))) selected = selected.reversed();
        int limit = Math.min(pageSize, ctx.queryParam("limit") == null ? 1000 : Integer.parseInt(ctx.queryParam("limit")));
        int offset = ctx.queryParam("page_token") == null ? 0 : Integer.parseInt(ctx.queryParam("page_token").substring("page-".length()));
        ObjectNode page = JSON.createObjectNode();
        ArrayNode bars = page.putArray("bars");
        for (Bar bar : selected.subList(offset, Math.min(selected.size(), offset + limit))) bars.add(barJson(bar));
        page.put("symbol", symbol);
        if (offset + limit < selected.size()) page.put("next_page_token", "page-" + (offset + limit));
        else page.putNull("next_page_token");
        ctx.contentType("application/json").result(page.toString());
    }

    private void news(Context ctx) {
        if (answeredFromScript(ctx)) return;
        Set<String> symbols = Set.of(String.valueOf(ctx.queryParam("symbols")).split(","));
        int limit = ctx.queryParam("limit") == null ? 10 : Integer.parseInt(ctx.queryParam("limit"));
        ObjectNode page = JSON.createObjectNode();
        ArrayNode news = page.putArray("news");
        for (ObjectNode story : stories.reversed()) {
            boolean about = false;
            for (JsonNode symbol : story.path("symbols")) about |= symbols.contains(symbol.asText());
            if (about && news.size() < limit) news.add(story);
        }
        page.putNull("next_page_token");
        ctx.contentType("application/json").result(page.toString());
    }

    /** A bar as the provider stamps it: a daily bar at midnight New York of its date, a minute bar at its start. */
    private static Instant wireTime(Bar bar) {
        if (!bar.interval().equals(MarketDataFeed.DAILY)) return bar.start();
        return bar.start().atZone(NEW_YORK).toLocalDate().atStartOfDay(NEW_YORK).toInstant();
    }

    static ObjectNode barJson(Bar bar) {
        return JSON.createObjectNode()
                .put("t", wireTime(bar).toString())
                .put("o", dollars(bar.openMicros())).put("h", dollars(bar.highMicros()))
                .put("l", dollars(bar.lowMicros())).put("c", dollars(bar.closeMicros()))
                .put("v", bar.volume()).put("n", Math.max(1, bar.volume() / 100))
                .put("vw", dollars((bar.highMicros() + bar.lowMicros()) / 2));
    }

    static BigDecimal dollars(long micros) { return BigDecimal.valueOf(micros, 6).stripTrailingZeros(); }

    static ObjectNode story(long id, String headline, Instant createdAt, String... symbols) {
        ObjectNode story = JSON.createObjectNode()
                .put("id", id).put("headline", headline).put("author", "Benzinga Newsdesk")
                .put("created_at", createdAt.toString()).put("updated_at", createdAt.toString())
                .put("summary", "").put("content", "").put("url", "https://www.benzinga.com/news/" + id);
        story.putArray("images");
        ArrayNode list = story.putArray("symbols");
        for (String symbol : symbols) list.add(symbol);
        story.put("source", "benzinga");
        return story;
    }

    // --- streams ----------------------------------------------------------------------------

    private void socket(WsConfig ws, Stream stream) {
        ws.onConnect(ctx -> {
            connections.incrementAndGet();
            ctx.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
        });
        ws.onMessage(ctx -> onMessage(ctx, stream, JSON.readTree(ctx.message())));
        ws.onClose(ctx -> forget(ctx, stream));
        ws.onError(ctx -> forget(ctx, stream));
    }

    private void onMessage(WsContext ctx, Stream stream, JsonNode message) {
        String action = message.path("action").asText();
        if (action.equals("auth")) {
            Integer refusal;
            synchronized (refusals) {
                refusal = refusals.pollFirst();
            }
            if (refusal == null && !(KEY_ID.equals(message.path("key").asText()) && SECRET_KEY.equals(message.path("secret").asText()))) refusal = 402;
            if (refusal != null) {
                ctx.send("[{\"T\":\"error\",\"code\":" + refusal + ",\"msg\":\"" + StreamError.of(refusal).name().toLowerCase(Locale.ROOT).replace('_', ' ') + "\"}]");
                ctx.closeSession(1008, "refused");
                return;
            }
            stream.authenticated.put(ctx.sessionId(), ctx);
            stream.subscribed.put(ctx.sessionId(), ConcurrentHashMap.newKeySet());
            ctx.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
            return;
        }
        Set<String> symbols = stream.subscribed.get(ctx.sessionId());
        if (symbols == null) {
            ctx.send("[{\"T\":\"error\",\"code\":401,\"msg\":\"not authenticated\"}]");
            return;
        }
        List<String> asked = new ArrayList<>();
        for (JsonNode symbol : message.path(stream.channels.getFirst())) asked.add(symbol.asText());
        if (action.equals("subscribe")) {
            Set<String> after = new HashSet<>(symbols);
            after.addAll(asked);
            if (after.size() > symbolLimit) {
                ctx.send("[{\"T\":\"error\",\"code\":405,\"msg\":\"symbol limit exceeded\"}]");
                return;
            }
            symbols.addAll(asked);
        } else if (action.equals("unsubscribe")) {
            asked.forEach(symbols::remove);
        }
        ObjectNode confirmation = JSON.createObjectNode().put("T", "subscription");
        for (String channel : stream.channels) {
            ArrayNode list = confirmation.putArray(channel);
            symbols.forEach(list::add);
        }
        ctx.send("[" + confirmation + "]");
    }

    private static void forget(WsContext ctx, Stream stream) {
        stream.authenticated.remove(ctx.sessionId());
        stream.subscribed.remove(ctx.sessionId());
    }

    private void sendStory(ObjectNode story) {
        String frame = "[" + story.deepCopy().put("T", "n") + "]";
        send(streams.get("/v1beta1/news"), story.path("symbols").path(0).asText(), frame);
    }

    private static void send(Stream stream, String symbol, String frame) {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribed(stream, symbol));
        for (Map.Entry<String, Set<String>> socket : stream.subscribed.entrySet()) {
            WsContext ctx = stream.authenticated.get(socket.getKey());
            if (ctx != null && (socket.getValue().contains(symbol) || socket.getValue().contains("*"))) ctx.send(frame);
        }
    }

    private static boolean subscribed(Stream stream, String symbol) {
        for (Set<String> symbols : stream.subscribed.values()) if (symbols.contains(symbol) || symbols.contains("*")) return true;
        return false;
    }

    /** A file of {@code src/test/resources/alpaca}, as text. */
    static String fixture(String name) { return LocalHttpServer.resource("alpaca/" + name); }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
