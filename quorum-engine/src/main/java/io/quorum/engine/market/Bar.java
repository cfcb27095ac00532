package io.quorum.engine.market;

import java.time.Duration;
import java.time.Instant;

/** An OHLCV bar in micro-dollars. {@code start} is the bar's opening instant; it covers {@code interval}. */
public record Bar(Ticker ticker, Instant start, Duration interval, long openMicros, long highMicros, long lowMicros, long closeMicros, long volume) {
    public Bar {
        if (ticker == null || start == null || interval == null) throw new IllegalArgumentException("bar: ticker, start and interval are required");
        if (lowMicros <= 0 || highMicros < lowMicros || openMicros < lowMicros || openMicros > highMicros
                || closeMicros < lowMicros || closeMicros > highMicros) {
            throw new IllegalArgumentException("bar " + ticker + " " + start + ": inconsistent OHLC " + openMicros + "/" + highMicros + "/" + lowMicros + "/" + closeMicros);
        }
        if (volume < 0) throw new IllegalArgumentException("bar " + ticker + " " + start + ": negative volume");
    }

    public Instant end() { return start.plus(interval); }
}
