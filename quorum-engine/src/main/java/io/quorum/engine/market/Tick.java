package io.quorum.engine.market;

/**
 * One trade print with the quote around it. Prices are micro-dollars and time is epoch millis so
 * that the tick path allocates nothing but this record.
 */
public record Tick(Ticker ticker, long epochMillis, long lastMicros, long bidMicros, long askMicros, long size) {
    public Tick {
        if (ticker == null) throw new IllegalArgumentException("ticker: required");
        if (lastMicros <= 0 || bidMicros <= 0 || askMicros <= 0) throw new IllegalArgumentException("prices must be positive: " + ticker);
        if (bidMicros > askMicros) throw new IllegalArgumentException("crossed quote for " + ticker + ": bid " + bidMicros + " > ask " + askMicros);
        if (size < 0) throw new IllegalArgumentException("size: must not be negative");
    }

    public java.time.Instant time() { return java.time.Instant.ofEpochMilli(epochMillis); }
}
