package io.quorum.adapters.yahoo;

import io.quorum.adapters.testing.LocalHttpServer;
import io.quorum.adapters.testing.LocalHttpServer.Answer;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.port.MarketDataFeed;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A local server speaking the chart endpoint's format: {@code GET /v8/finance/chart/{symbol}?interval=1d|1m&range=…}.
 * Each known symbol answers from a function of its interval and range; an unknown one gets the
 * provider's 404 answer. Scripted answers (a status, a body, a delay) are served first, in order.
 */
public final class YahooChartServer implements AutoCloseable {
    static final String NOT_FOUND = "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\",\"description\":\"No data found, symbol may be delisted\"}}}";
    private static final String CHART = "/v8/finance/chart/";

    private final LocalHttpServer server = new LocalHttpServer();
    private final Map<String, BiFunction<String, String, String>> charts = new ConcurrentHashMap<>();

    public YahooChartServer() {
        server.route(CHART, uri -> {
            BiFunction<String, String, String> chart = charts.get(uri.getPath().substring(CHART.length()));
            if (chart == null) return new Answer(404, NOT_FOUND, "application/json", Duration.ZERO, Map.of());
            Map<String, String> query = query(uri.getRawQuery());
            return Answer.ok(chart.apply(query.get("interval"), query.get("range")), "application/json");
        });
    }

    public URI baseUrl() { return server.baseUrl(); }

    /** {@code symbol} answers {@code chart.apply(interval, range)} with status 200. */
    public void serve(String symbol, BiFunction<String, String, String> chart) { charts.put(symbol, chart); }

    /** {@code symbol} answers this fixture of {@code src/test/resources/yahoo} whatever is asked. */
    void serveFixture(String symbol, String fixture) {
        String body = fixture(fixture);
        serve(symbol, (interval, range) -> body);
    }

    /** Symbol searches ({@code /v1/finance/search}) answer this fixture of {@code src/test/resources/yahoo}. */
    public void serveSearch(String fixture) {
        String body = fixture(fixture);
        server.route("/v1/finance/search", uri -> Answer.ok(body, "application/json"));
    }

    void script(Answer... answers) { server.script(answers); }

    public List<URI> requests() { return server.requests(); }

    @Override public void close() { server.close(); }

    static String fixture(String name) { return LocalHttpServer.resource("yahoo/" + name); }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return values;
    }

    /**
     * A chart body in the provider's format for {@code bars}: daily points are stamped at their
     * session open, as the provider does; the meta gives the last trade's price and time.
     */
    public static String render(String symbol, List<Bar> bars, long lastPriceMicros, Instant lastTrade, long dayVolume) {
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
