package io.quorum.adapters.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.SymbolMatch;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the chart endpoint's JSON ({@code /v8/finance/chart/{symbol}}):
 * {@code {"chart":{"result":[{"meta":{...},"timestamp":[...],"indicators":{"quote":[{"open":[...],
 * "high":[...],"low":[...],"close":[...],"volume":[...]}]}}],"error":null}}}, or, for a symbol it
 * does not know, {@code {"chart":{"result":null,"error":{"code":"Not Found","description":"..."}}}}.
 *
 * <p>Prices are rounded to the meta's {@code priceHint} decimals (the provider sends binary
 * floats such as 217.5500030517578). A daily point starts at the session open of its date in the
 * exchange's time zone; an intraday point at its timestamp. Null points (minutes without a trade)
 * and inconsistent ones are dropped and counted.
 */
final class ChartJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartJson() {}

    static ChartAnswer decode(String body, Ticker ticker, Duration interval, ExchangeCalendar calendar) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException notJson) {
            return new ChartAnswer.Malformed("not JSON: " + notJson.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) return new ChartAnswer.Malformed("an empty body");
        JsonNode chart = root.path("chart");
        if (!chart.isObject()) return new ChartAnswer.Malformed("no \"chart\" object");
        JsonNode error = chart.path("error");
        if (error.isObject()) {
            String code = error.path("code").asText("");
            String description = error.path("description").asText("");
            String answer = description.isBlank() ? code : code.isBlank() ? description : code + ": " + description;
            if (code.equalsIgnoreCase("Not Found")) return new ChartAnswer.UnknownSymbol(ticker.symbol(), answer);
            return new ChartAnswer.Malformed("the provider answered an error: " + answer);
        }
        JsonNode results = chart.path("result");
        if (!results.isArray() || results.isEmpty()) return new ChartAnswer.Malformed("an empty result");
        JsonNode result = results.get(0);
        JsonNode meta = result.path("meta");
        if (!meta.isObject()) return new ChartAnswer.Malformed("no \"meta\" in the result");
        ZoneId zone;
        try {
            zone = ZoneId.of(meta.path("exchangeTimezoneName").asText(calendar.zone().getId()));
        } catch (DateTimeException unknownZone) {
            return new ChartAnswer.Malformed("unknown exchangeTimezoneName " + meta.path("exchangeTimezoneName"));
        }
        int decimals = Math.clamp(meta.path("priceHint").asInt(2), 2, 6);
        long lastPrice = micros(meta.path("regularMarketPrice"), decimals);
        if (!meta.path("regularMarketTime").canConvertToLong() || lastPrice <= 0) {
            return new ChartAnswer.Malformed("no regularMarketPrice or regularMarketTime in the meta");
        }
        Instant lastTrade = Instant.ofEpochSecond(meta.path("regularMarketTime").asLong());
        JsonNode timestamps = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        List<Bar> bars = new ArrayList<>();
        int dropped = 0;
        if (timestamps.isArray()) {
            if (!quote.isObject()) return new ChartAnswer.Malformed("timestamps without indicators.quote");
            for (int i = 0; i < timestamps.size(); i++) {
                Bar bar = bar(ticker, interval, calendar, zone, decimals, timestamps.get(i), quote, i);
                if (bar == null) dropped++;
                else if (!bars.isEmpty() && !bar.start().isAfter(bars.getLast().start())) dropped++;
                else bars.add(bar);
            }
        }
        return new ChartAnswer.Chart(meta.path("symbol").asText(ticker.symbol()), zone, lastPrice, lastTrade,
                Math.max(0, meta.path("regularMarketVolume").asLong(0)), interval, bars, dropped);
    }

    /**
     * The equities and funds of a search answer ({@code {"quotes":[{"symbol":"AAPL","shortname":"Apple Inc.",
     * "exchDisp":"NASDAQ","quoteType":"EQUITY",…}],…}}); symbols that are not tickers here (other
     * markets' suffixes) are left out, and a share class written with a dash (BRK-B) is read as BRK.B.
     */
    static List<SymbolMatch> decodeSearch(String body) {
        JsonNode quotes;
        try {
            quotes = JSON.readTree(body).path("quotes");
        } catch (JsonProcessingException notJson) {
            return List.of();
        }
        List<SymbolMatch> matches = new ArrayList<>();
        for (JsonNode quote : quotes) {
            String type = quote.path("quoteType").asText("");
            if (!type.equals("EQUITY") && !type.equals("ETF")) continue;
            if (!quote.path("isYahooFinance").asBoolean(true)) continue;
            String symbol = quote.path("symbol").asText("").replaceAll("-([A-Z])$", ".$1");
            Ticker ticker;
            try {
                ticker = new Ticker(symbol);
            } catch (IllegalArgumentException notHere) {
                continue;
            }
            String name = quote.path("shortname").asText(quote.path("longname").asText(symbol));
            String exchange = quote.path("exchDisp").asText(quote.path("exchange").asText(""));
            matches.add(new SymbolMatch(ticker, name, exchange, type));
        }
        return matches;
    }

    private static Bar bar(Ticker ticker, Duration interval, ExchangeCalendar calendar, ZoneId zone, int decimals,
                           JsonNode timestamp, JsonNode quote, int i) {
        if (!timestamp.canConvertToLong()) return null;
        long open = micros(quote.path("open").path(i), decimals);
        long high = micros(quote.path("high").path(i), decimals);
        long low = micros(quote.path("low").path(i), decimals);
        long close = micros(quote.path("close").path(i), decimals);
        JsonNode volumeNode = quote.path("volume").path(i);
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0 || !volumeNode.isNumber() || volumeNode.asLong() < 0) return null;
        if (high < low || open < low || open > high || close < low || close > high) return null;
        Instant at = Instant.ofEpochSecond(timestamp.asLong());
        Instant start = interval.equals(MarketDataFeed.DAILY) ? calendar.sessionOpen(at.atZone(zone).toLocalDate()) : at;
        return new Bar(ticker, start, interval, open, high, low, close, volumeNode.asLong());
    }

    /** Micro-dollars rounded to {@code decimals}, or 0 for a missing, null or non-numeric value. */
    private static long micros(JsonNode value, int decimals) {
        if (!value.isNumber()) return 0;
        return value.decimalValue().setScale(decimals, RoundingMode.HALF_EVEN).movePointRight(6).longValue();
    }
}
