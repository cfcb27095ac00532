package io.quorum.adapters.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the REST server's pages: bars ({@code {"bars":[{"t":"2024-03-04T05:00:00Z","o":…,"h":…,
 * "l":…,"c":…,"v":…,"n":…,"vw":…}],"symbol":"AAPL","next_page_token":"…"}}) and news
 * ({@code {"news":[{"id":…,"headline":…,"source":…,"created_at":…,"symbols":[…],…}],
 * "next_page_token":null}}). Numbers are read as decimals, never as binary floats.
 *
 * <p>A daily bar is stamped at midnight New York by the provider; here it starts at its date's
 * session open, like every daily bar of the desk. Bars with missing or inconsistent values are
 * dropped and counted.
 */
final class RestJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RestJson() {}

    /** One page of bars, oldest first as the provider sent them, and the token of the next page (null at the last). */
    sealed interface BarsPage {
        record Page(List<Bar> bars, String nextPageToken, int dropped) implements BarsPage {
            public Page { bars = List.copyOf(bars); }
        }

        record Malformed(String why) implements BarsPage {}
    }

    /** One page of stories and the token of the next page (null at the last). */
    sealed interface NewsPage {
        record Page(List<NewsStory> stories, String nextPageToken, int dropped) implements NewsPage {
            public Page { stories = List.copyOf(stories); }
        }

        record Malformed(String why) implements NewsPage {}
    }

    static BarsPage bars(String body, Ticker ticker, Duration interval, ExchangeCalendar calendar) {
        JsonNode root = tree(body);
        if (root == null) return new BarsPage.Malformed("not JSON");
        if (!root.isObject() || !root.has("bars")) return new BarsPage.Malformed("no \"bars\" in the answer");
        JsonNode list = root.path("bars");
        List<Bar> bars = new ArrayList<>();
        int dropped = 0;
        if (list.isArray()) {
            for (JsonNode point : list) {
                Bar bar = bar(point, ticker, interval, calendar);
                if (bar == null) dropped++;
                else bars.add(bar);
            }
        } else if (!list.isNull()) {
            return new BarsPage.Malformed("\"bars\" is not a list");
        }
        return new BarsPage.Page(bars, nextPageToken(root), dropped);
    }

    static NewsPage news(String body) {
        JsonNode root = tree(body);
        if (root == null) return new NewsPage.Malformed("not JSON");
        JsonNode list = root.path("news");
        if (!list.isArray()) return new NewsPage.Malformed("no \"news\" list in the answer");
        List<NewsStory> stories = new ArrayList<>();
        int dropped = 0;
        for (JsonNode item : list) {
            NewsStory story = story(item);
            if (story == null) dropped++;
            else stories.add(story);
        }
        return new NewsPage.Page(stories, nextPageToken(root), dropped);
    }

    private static Bar bar(JsonNode point, Ticker ticker, Duration interval, ExchangeCalendar calendar) {
        Instant time = instant(point.path("t"));
        long open = micros(point.path("o"));
        long high = micros(point.path("h"));
        long low = micros(point.path("l"));
        long close = micros(point.path("c"));
        JsonNode volume = point.path("v");
        if (time == null || open <= 0 || high <= 0 || low <= 0 || close <= 0 || !volume.isNumber() || volume.asLong() < 0) return null;
        if (high < low || open < low || open > high || close < low || close > high) return null;
        Instant start = interval.equals(MarketDataFeed.DAILY) ? calendar.sessionOpen(time.atZone(calendar.zone()).toLocalDate()) : time;
        return new Bar(ticker, start, interval, open, high, low, close, volume.asLong());
    }

    private static NewsStory story(JsonNode item) {
        JsonNode id = item.path("id");
        String headline = item.path("headline").asText("").strip();
        Instant created = instant(item.path("created_at"));
        if (!id.canConvertToLong() || headline.isEmpty() || created == null) return null;
        List<String> symbols = new ArrayList<>();
        for (JsonNode symbol : item.path("symbols")) if (symbol.isTextual()) symbols.add(symbol.asText());
        return new NewsStory(id.asLong(), headline, item.path("source").asText(""), created, symbols);
    }

    private static JsonNode tree(String body) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            return root == null || root.isMissingNode() ? null : root;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String nextPageToken(JsonNode root) {
        JsonNode token = root.path("next_page_token");
        return token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) return null;
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    /** Micro-dollars, or 0 for a missing, null, non-numeric or out-of-range value. */
    private static long micros(JsonNode value) {
        if (!value.isNumber() || value.decimalValue().signum() <= 0 || value.decimalValue().precision() - value.decimalValue().scale() > 12) return 0;
        return value.decimalValue().setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValue();
    }
}
