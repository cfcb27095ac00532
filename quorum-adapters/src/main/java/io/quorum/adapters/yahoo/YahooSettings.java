package io.quorum.adapters.yahoo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Yahoo Finance feed talks to the chart endpoint.
 *
 * @param baseUrl        the server, {@code https://query1.finance.yahoo.com} for the real one
 * @param pollInterval   wall time between two quotes of a subscribed ticker
 * @param timeout        how long one request may take
 * @param initialBackoff the first wait after a 429, a 5xx or a failed request; it doubles, with jitter
 * @param maxBackoff     the longest wait between two attempts
 * @param attempts       how many times a history request is tried before it gives up
 */
public record YahooSettings(URI baseUrl, Duration pollInterval, Duration timeout, Duration initialBackoff, Duration maxBackoff, int attempts) {
    public static final URI YAHOO = URI.create("https://query1.finance.yahoo.com");

    public YahooSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        positive("pollInterval", pollInterval);
        positive("timeout", timeout);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) throw new IllegalArgumentException("maxBackoff must be at least initialBackoff: " + maxBackoff);
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }

    /** The real endpoint, a quote every 15 s, 10 s per request, backoff from 1 s to 5 min, 4 attempts. */
    public static YahooSettings defaults() {
        return new YahooSettings(YAHOO, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5), 4);
    }

    public YahooSettings withBaseUrl(URI url) { return new YahooSettings(url, pollInterval, timeout, initialBackoff, maxBackoff, attempts); }

    public YahooSettings withPollInterval(Duration interval) { return new YahooSettings(baseUrl, interval, timeout, initialBackoff, maxBackoff, attempts); }

    public YahooSettings withTimeout(Duration value) { return new YahooSettings(baseUrl, pollInterval, value, initialBackoff, maxBackoff, attempts); }

    public YahooSettings withBackoff(Duration initial, Duration max) { return new YahooSettings(baseUrl, pollInterval, timeout, initial, max, attempts); }

    public YahooSettings withAttempts(int value) { return new YahooSettings(baseUrl, pollInterval, timeout, initialBackoff, maxBackoff, value); }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive: " + value);
    }
}
