package io.quorum.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delays between retries that double from {@code initial} up to {@code max}, each drawn at random
 * between half and all of that step ("equal jitter"), so that many clients refused together do not
 * come back together.
 */
public record Backoff(Duration initial, Duration max, RandomGenerator random) {
    public Backoff {
        Objects.requireNonNull(random, "random");
        if (initial == null || initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        if (max == null || max.compareTo(initial) < 0) throw new IllegalArgumentException("max backoff must be at least the initial one: " + max);
    }

    public static Backoff of(Duration initial, Duration max) { return new Backoff(initial, max, RandomGenerator.getDefault()); }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        long maxMillis = max.toMillis();
        long step = initial.toMillis();
        for (int i = 1; i < attempt && step < maxMillis; i++) step *= 2;
        step = Math.min(step, maxMillis);
        long half = step / 2;
        return Duration.ofMillis(half + (step - half == 0 ? 0 : random.nextLong(step - half + 1)));
    }

    /** The delay before retry number {@code attempt}, or the longer wait the server {@code askedFor}, never beyond {@code max}. */
    public Duration delay(int attempt, Duration askedFor) {
        Duration delay = delay(attempt);
        if (askedFor.compareTo(delay) <= 0) return delay;
        return askedFor.compareTo(max) > 0 ? max : askedFor;
    }
}
