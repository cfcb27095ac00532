package io.quorum.adapters.yahoo;

import io.quorum.engine.market.Bar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** What the chart endpoint answered for one symbol, once decoded. */
public sealed interface ChartAnswer {

    /**
     * A chart: its bars (oldest first, completed or not), the last trade's price and time, and the
     * exchange's time zone. {@code droppedPoints} counts the points left out (null or inconsistent).
     */
    record Chart(String symbol, ZoneId exchangeZone, long lastPriceMicros, Instant lastTradeTime, long dayVolume,
                 Duration interval, List<Bar> bars, int droppedPoints) implements ChartAnswer {
        public Chart {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(exchangeZone, "exchangeZone");
            Objects.requireNonNull(lastTradeTime, "lastTradeTime");
            Objects.requireNonNull(interval, "interval");
            bars = List.copyOf(bars);
        }
    }

    /** The provider does not know the symbol; {@code providerAnswer} is its own words. */
    record UnknownSymbol(String symbol, String providerAnswer) implements ChartAnswer {}

    /** The body could not be read as a chart (not JSON, missing fields, empty result). */
    record Malformed(String why) implements ChartAnswer {}

    /** The provider did not answer usefully: throttled (429), failing (5xx), refused (401/403) or out of reach. */
    record Unavailable(String why, boolean worthRetrying, Duration retryAfter) implements ChartAnswer {}
}
