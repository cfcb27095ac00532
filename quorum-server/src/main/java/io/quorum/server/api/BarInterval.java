package io.quorum.server.api;

import java.time.Duration;
import java.util.Optional;

/** The bar sizes the chart offers, by their wire names. */
public enum BarInterval {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String wireName;
    private final Duration length;

    BarInterval(String wireName, Duration length) {
        this.wireName = wireName;
        this.length = length;
    }

    public String wireName() { return wireName; }

    public Duration length() { return length; }

    public static Optional<BarInterval> parse(String wireName) {
        for (BarInterval interval : values()) {
            if (interval.wireName.equals(wireName)) return Optional.of(interval);
        }
        return Optional.empty();
    }
}
