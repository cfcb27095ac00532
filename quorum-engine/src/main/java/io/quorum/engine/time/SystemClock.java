package io.quorum.engine.time;

import io.quorum.engine.port.Clock;
import java.time.Instant;

/** The wall clock. */
public final class SystemClock implements Clock {
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override public Instant now() { return Instant.now(); }

    @Override public long millis() { return System.currentTimeMillis(); }
}
