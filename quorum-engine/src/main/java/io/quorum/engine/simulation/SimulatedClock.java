package io.quorum.engine.simulation;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Market time that runs {@code speed} times faster than a wall clock: at speed 60 one market
 * hour passes in one wall minute. At speed 0 it stands still and moves only by {@link #advance}
 * or {@link #jumpTo}, which makes it a manual clock for tests and backtests. Thread-safe: the
 * market time is a pure function of the wall time and an anchor that changes under a lock.
 */
public final class SimulatedClock implements Clock {
    private final Clock wall;
    private long anchorMarketMillis;
    private long anchorWallMillis;
    private double speed;

    public SimulatedClock(Instant marketStart, double speed, Clock wall) {
        Objects.requireNonNull(marketStart, "marketStart");
        this.wall = Objects.requireNonNull(wall, "wall");
        checkSpeed(speed);
        this.anchorMarketMillis = marketStart.toEpochMilli();
        this.anchorWallMillis = wall.millis();
        this.speed = speed;
    }

    /** A clock that moves only when told to. */
    public static SimulatedClock manual(Instant marketStart) {
        return new SimulatedClock(marketStart, 0, () -> Instant.EPOCH);
    }

    /**
     * The open of the latest session that has started by {@code wallNow}: a new user starts on a
     * recent weekday at 09:30 New York and sees ticks at once, whatever the hour they start at.
     */
    public static Instant defaultStart(Instant wallNow) {
        return ExchangeCalendar.NYSE.previousOpen(wallNow);
    }

    @Override public Instant now() { return Instant.ofEpochMilli(millis()); }

    @Override public synchronized long millis() {
        return anchorMarketMillis + (long) ((wall.millis() - anchorWallMillis) * speed);
    }

    public synchronized double speed() { return speed; }

    /** Changes the speed from now on without moving the market time. */
    public synchronized void setSpeed(double newSpeed) {
        checkSpeed(newSpeed);
        rebase(millis());
        speed = newSpeed;
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time cannot go backwards: " + by);
        rebase(millis() + by.toMillis());
    }

    /** Moves the market time forward to {@code instant} (e.g. over a night when no one trades). */
    public synchronized void jumpTo(Instant instant) {
        long target = instant.toEpochMilli();
        long now = millis();
        if (target < now) throw new IllegalArgumentException("time cannot go backwards: " + instant + " < " + Instant.ofEpochMilli(now));
        rebase(target);
    }

    private void rebase(long marketMillis) {
        anchorMarketMillis = marketMillis;
        anchorWallMillis = wall.millis();
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) throw new IllegalArgumentException("speed must be a finite number >= 0: " + speed);
    }
}
