package io.quorum.engine.port;

import java.time.Instant;

/**
 * Where the engine reads the time. Production uses the system clock; tests and backtests use a
 * simulated one, so that a 30-second vote timeout is tested by advancing time, never by sleeping.
 */
public interface Clock {
    Instant now();

    /** Milliseconds since the epoch of {@link #now()}; the cheap form for the hot path. */
    default long millis() { return now().toEpochMilli(); }
}
