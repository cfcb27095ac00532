package io.quorum.adapters.yahoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.port.MarketDataFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A local server speaking the chart endpoint's format: {@code GET /v8/finance/chart/{symbol}?interval=1d|1m&range=…}.
 * Each known symbol answers from a function of its interval; an unknown one gets the provider's
 * 404 answer. Scripted answers (a status, a body, a delay) are served first, in order.
 */
final class YahooChartServer implements AutoCloseable {
    static final String NOT_FOUND = "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\",\"description\":\"No data found, symbol may be delisted\"}}}";

    /** An answer served once, before the symbols' own. */
    record Scripted(int status, String body, Duration delay, Map<String, String> headers) {
        static Scripted status(int status) { return new Scripted(status, "", Duration.ZERO, Map.of()); }
        static Scripted body(String body) { return new Scripted(200, body, Duration.ZERO, Map.of()); }
        static Scripted slow(Duration delay) { return new Scripted(200, "", delay, Map.of()); }
    }

    private final HttpServer server;
    private final Map<String, BiFunction<String, String, String>> charts = new ConcurrentHashMap<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    YahooChartServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
        server.createContext("/v8/finance/chart/", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI baseUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    /** {@code symbol} answers {@code chart.apply(interval, range)} with status 200. */
    void serve(String symbol, BiFunction<String, String, String> chart) { charts.put(symbol, chart); }

    /** {@code symbol} answers this fixture of {@code src/test/resources/yahoo} whatever is asked. */
    void serveFixture(String symbol, String fixture) {
        String body = fixture(fixture);
        serve(symbol, (interval, range) -> body);
    }

    void script(Scripted... answers) {
        synchronized (scripted) {
            scripted.addAll(List.of(answers));
        }
    }

    List<URI> requests() { return requests; }

    @Override public void close() { server.stop(0); }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            requests.add(uri);
            Scripted next;
            synchronized (scripted) {
                next = scripted.pollFirst();
            }
            if (next != null) {
                if (!next.delay().isZero()) sleep(next.delay());
                next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                send(exchange, next.status(), next.body());
                return;
            }
            String symbol = uri.getPath().substring("/v8/finance/chart/".length());
            Map<String, String> query = query(uri.getRawQuery());
            BiFunction<String, String, String> chart = charts.get(symbol);
            if (chart == null) send(exchange, 404, NOT_FOUND);
            else send(exchange, 200, chart.apply(query.get("interval"), query.get("range")));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new ConcurrentHashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return values;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static String fixture(String name) {
        try (InputStream in = YahooChartServer.class.getResourceAsStream("/yahoo/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * A chart body in the provider's format for {@code bars}: daily points are stamped at their
     * session open, as the provider does; the meta gives the last trade's price and time.
     */
    static String render(String symbol, List<Bar> bars, long lastPriceMicros, Instant lastTrade, long dayVolume) {
        boolean daily = !bars.isEmpty() && bars.getFirst().interval().equals(MarketDataFeed.DAILY);
        StringBuilder timestamps = new StringBuilder();
        StringBuilder open = new StringBuilder(), high = new StringBuilder(), low = new StringBuilder(), close = new StringBuilder(), volume = new StringBuilder();
        for (Bar bar : bars) {
            String comma = timestamps.isEmpty() ? "" : ",";
            timestamps.append(comma).append(bar.start().getEpochSecond());
            open.append(comma).append(dollars(bar.openMicros()));
            high.append(comma).append(dollars(bar.highMicros()));
            low.append(comma).append(dollars(bar.lowMicros()));
            close.append(comma).append(dollars(bar.closeMicros()));
            volume.append(comma).append(bar.volume());
        }
        long day = ExchangeCalendar.NYSE.sessionOpen(ExchangeCalendar.NYSE.tradingDate(lastTrade)).getEpochSecond();
        return """
                {"chart":{"result":[{"meta":{"currency":"USD","symbol":"%s","exchangeName":"NMS","fullExchangeName":"NasdaqGS",\
                "instrumentType":"EQUITY","firstTradeDate":345479400,"regularMarketTime":%d,"hasPrePostMarketData":true,\
                "gmtoffset":-18000,"timezone":"EST","exchangeTimezoneName":"America/New_York","regularMarketPrice":%s,\
                "regularMarketVolume":%d,"chartPreviousClose":%s,"priceHint":2,\
                "currentTradingPeriod":{"regular":{"timezone":"EST","start":%d,"end":%d,"gmtoffset":-18000}},\
                "dataGranularity":"%s","range":"%s"},\
                "timestamp":[%s],"indicators":{"quote":[{"open":[%s],"high":[%s],"low":[%s],"close":[%s],"volume":[%s]}]%s}}],"error":null}}
                """.formatted(symbol, lastTrade.getEpochSecond(), dollars(lastPriceMicros), dayVolume,
                bars.isEmpty() ? dollars(lastPriceMicros) : dollars(bars.getFirst().openMicros()), day, day + 23_400,
                daily ? "1d" : "1m", daily ? "1mo" : "1d", timestamps, open, high, low, close, volume,
                daily ? ",\"adjclose\":[{\"adjclose\":[" + close + "]}]" : "");
    }

    private static String dollars(long micros) { return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString(); }
}
