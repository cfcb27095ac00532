package io.quorum.engine.market.signal;

import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A technical event on the daily chart. {@code value} is the indicator level involved (the
 * 200-day SMA in dollars, the RSI, the MACD line, the band or the N-day high),
 * {@code priceMicros} the price that triggered it and {@code relativeVolume} today's volume so
 * far against the 20-day average for the same share of the session (0 when unknown).
 */
public record IndicatorSignal(Ticker ticker, Instant at, SignalKind kind, long priceMicros, BigDecimal value,
                              double relativeVolume, String text) implements MarketEvent {
    public IndicatorSignal {
        if (ticker == null || at == null || kind == null || value == null || text == null) {
            throw new IllegalArgumentException("indicator signal: ticker, time, kind, value and text are required");
        }
        if (priceMicros <= 0) throw new IllegalArgumentException("indicator signal: price must be positive: " + priceMicros);
    }
}
