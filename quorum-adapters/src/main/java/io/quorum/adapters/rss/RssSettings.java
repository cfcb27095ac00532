package io.quorum.adapters.rss;

import java.time.Duration;

/**
 * How the RSS and Atom news feed polls its sources.
 *
 * @param pollInterval   wall time between two reads of one feed
 * @param timeout        how long one read may take; a slower feed counts as failed and is read again later
 * @param initialBackoff the first wait after a failed read; it doubles, with jitter, up to {@code maxBackoff}
 * @param maxBackoff     the longest wait before a failing feed is read again
 * @param remembered     how many story ids are remembered per ticker to drop duplicates
 */
public record RssSettings(Duration pollInterval, Duration timeout, Duration initialBackoff, Duration maxBackoff, int remembered) {
    public RssSettings {
        positive("pollInterval", pollInterval);
        positive("timeout", timeout);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) throw new IllegalArgumentException("maxBackoff must be at least initialBackoff: " + maxBackoff);
        if (remembered < 10) throw new IllegalArgumentException("remembered must be at least 10: " + remembered);
    }

    /** A read of each feed every 2 minutes, 10 s per read, backoff from 30 s to 30 min, 2 000 ids remembered per ticker. */
    public static RssSettings defaults() {
        return new RssSettings(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(30), 2_000);
    }

    public RssSettings withPollInterval(Duration value) { return new RssSettings(value, timeout, initialBackoff, maxBackoff, remembered); }

    public RssSettings withTimeout(Duration value) { return new RssSettings(pollInterval, value, initialBackoff, maxBackoff, remembered); }

    public RssSettings withBackoff(Duration initial, Duration max) { return new RssSettings(pollInterval, timeout, initial, max, remembered); }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive: " + value);
    }
}
