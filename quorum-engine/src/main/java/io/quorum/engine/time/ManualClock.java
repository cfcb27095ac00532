package io.quorum.engine.time;

import io.quorum.engine.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A clock that moves only when told to: for tests and for replaying history. Thread-safe. */
public final class ManualClock implements Clock {
    private volatile Instant now;

    public ManualClock(Instant start) { this.now = Objects.requireNonNull(start, "start"); }

    @Override public Instant now() { return now; }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time cannot go backwards: " + by);
        now = now.plus(by);
    }

    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) throw new IllegalArgumentException("time cannot go backwards: " + instant + " < " + now);
        now = instant;
    }
}
