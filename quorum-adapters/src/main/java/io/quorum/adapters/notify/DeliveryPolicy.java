package io.quorum.adapters.notify;

import io.quorum.adapters.http.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard a channel tries: how many notices may wait for it (the oldest is dropped beyond that),
 * how long one request may take, and how many attempts each notice gets, with jittered backoff
 * between them (or the wait a 429's {@code Retry-After} asks for, up to the backoff's maximum).
 */
public record DeliveryPolicy(int queueCapacity, Duration timeout, int attempts, Backoff backoff) {
    public DeliveryPolicy {
        if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity: must be at least 1, was " + queueCapacity);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        if (attempts < 1) throw new IllegalArgumentException("attempts: must be at least 1, was " + attempts);
        Objects.requireNonNull(backoff, "backoff");
    }

    /** One instance, so that two configurations that leave the policy out are equal (a backoff's random source has no equality of its own). */
    private static final DeliveryPolicy DEFAULTS = new DeliveryPolicy(1000, Duration.ofSeconds(10), 4, Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(1)));

    public static DeliveryPolicy defaults() { return DEFAULTS; }
}
