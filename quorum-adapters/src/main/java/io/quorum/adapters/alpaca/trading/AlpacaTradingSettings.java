package io.quorum.adapters.alpaca.trading;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the broker reaches Alpaca's Trading API v2.
 *
 * @param tradingUrl     the REST server of orders, positions and the account: {@link #PAPER} or {@link #LIVE};
 *                       the {@code trade_updates} stream is its {@code /stream}, over {@code wss}
 * @param timeout        how long one request or a stream connection may take; a submit still unanswered then has an unknown outcome
 * @param initialBackoff the first wait after a 429, a failed lookup or a dropped stream; it doubles, with jitter
 * @param maxBackoff     the longest wait between two attempts
 * @param attempts       how many times a request is tried before it gives up
 * @param pollInterval   how often the working orders are read over REST while the stream is down
 * @param venueBrackets  whether the desk's entries go as brackets whose exits the venue keeps (the
 *                       default), or go alone while the desk's position manager keeps the stops
 */
public record AlpacaTradingSettings(URI tradingUrl, Duration timeout, Duration initialBackoff, Duration maxBackoff, int attempts, Duration pollInterval,
        boolean venueBrackets) {
    public static final URI PAPER = URI.create("https://paper-api.alpaca.markets");
    public static final URI LIVE = URI.create("https://api.alpaca.markets");

    public AlpacaTradingSettings {
        Objects.requireNonNull(tradingUrl, "tradingUrl");
        positive("timeout", timeout);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        positive("pollInterval", pollInterval);
        if (maxBackoff.compareTo(initialBackoff) < 0) throw new IllegalArgumentException("maxBackoff must be at least initialBackoff: " + maxBackoff);
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }

    /** The paper server, or the live one when {@code live}: 5 s per request, backoff from 1 s to 1 min, 4 attempts, a poll every 2 s while the stream is down, brackets kept by the venue. */
    public static AlpacaTradingSettings of(boolean live) {
        return new AlpacaTradingSettings(live ? LIVE : PAPER, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1), 4, Duration.ofSeconds(2), true);
    }

    public boolean isLive() { return tradingUrl.equals(LIVE); }

    public AlpacaTradingSettings withServer(URI value) { return new AlpacaTradingSettings(value, timeout, initialBackoff, maxBackoff, attempts, pollInterval, venueBrackets); }

    public AlpacaTradingSettings withTimeout(Duration value) { return new AlpacaTradingSettings(tradingUrl, value, initialBackoff, maxBackoff, attempts, pollInterval, venueBrackets); }

    public AlpacaTradingSettings withBackoff(Duration initial, Duration max) { return new AlpacaTradingSettings(tradingUrl, timeout, initial, max, attempts, pollInterval, venueBrackets); }

    public AlpacaTradingSettings withPollInterval(Duration value) { return new AlpacaTradingSettings(tradingUrl, timeout, initialBackoff, maxBackoff, attempts, value, venueBrackets); }

    public AlpacaTradingSettings withVenueBrackets(boolean value) { return new AlpacaTradingSettings(tradingUrl, timeout, initialBackoff, maxBackoff, attempts, pollInterval, value); }

    /** {@code {tradingUrl}{path}}. */
    URI url(String pathAndQuery) { return URI.create(tradingUrl.toString().replaceAll("/+$", "") + pathAndQuery); }

    /** The {@code trade_updates} stream: {@code wss://…/stream} beside {@code https://…}, {@code ws://} beside {@code http://}. */
    URI stream() { return URI.create(tradingUrl.toString().replaceAll("/+$", "").replaceFirst("^http", "ws") + "/stream"); }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive: " + value);
    }
}
