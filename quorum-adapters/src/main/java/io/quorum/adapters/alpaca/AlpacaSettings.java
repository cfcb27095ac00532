package io.quorum.adapters.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Alpaca adapters reach the provider.
 *
 * @param dataUrl        the REST server of historical bars and news, {@code https://data.alpaca.markets} for the real one
 * @param streamUrl      the WebSocket server, {@code wss://stream.data.alpaca.markets}; stocks stream from
 *                       {@code /v2/{feed}}, news from {@code /v1beta1/news}
 * @param feed           IEX or SIP, for the stream and for the REST bars
 * @param timeout        how long one request, a connection or an authentication may take
 * @param initialBackoff the first wait after a 429, a 5xx, a failed request or a dropped stream; it doubles, with jitter
 * @param maxBackoff     the longest wait between two attempts, and the wait before a refused authentication is tried again
 * @param attempts       how many times a REST request is tried before it gives up
 */
public record AlpacaSettings(URI dataUrl, URI streamUrl, AlpacaFeed feed, Duration timeout, Duration initialBackoff, Duration maxBackoff, int attempts) {
    public static final URI DATA = URI.create("https://data.alpaca.markets");
    public static final URI STREAM = URI.create("wss://stream.data.alpaca.markets");

    public AlpacaSettings {
        Objects.requireNonNull(dataUrl, "dataUrl");
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(feed, "feed");
        positive("timeout", timeout);
        positive("initialBackoff", initialBackoff);
        positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) throw new IllegalArgumentException("maxBackoff must be at least initialBackoff: " + maxBackoff);
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }

    /** The real servers, the IEX feed, 10 s per request, backoff from 1 s to 5 min, 4 attempts. */
    public static AlpacaSettings defaults() {
        return new AlpacaSettings(DATA, STREAM, AlpacaFeed.IEX, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5), 4);
    }

    public AlpacaSettings withServers(URI data, URI stream) { return new AlpacaSettings(data, stream, feed, timeout, initialBackoff, maxBackoff, attempts); }

    public AlpacaSettings withFeed(AlpacaFeed value) { return new AlpacaSettings(dataUrl, streamUrl, value, timeout, initialBackoff, maxBackoff, attempts); }

    public AlpacaSettings withTimeout(Duration value) { return new AlpacaSettings(dataUrl, streamUrl, feed, value, initialBackoff, maxBackoff, attempts); }

    public AlpacaSettings withBackoff(Duration initial, Duration max) { return new AlpacaSettings(dataUrl, streamUrl, feed, timeout, initial, max, attempts); }

    public AlpacaSettings withAttempts(int value) { return new AlpacaSettings(dataUrl, streamUrl, feed, timeout, initialBackoff, maxBackoff, value); }

    /** The market data stream of the feed: {@code {streamUrl}/v2/iex} or {@code /v2/sip}. */
    public URI marketStream() { return URI.create(trimmed(streamUrl) + "/v2/" + feed.wireName()); }

    /** The news stream: {@code {streamUrl}/v1beta1/news}. */
    public URI newsStream() { return URI.create(trimmed(streamUrl) + "/v1beta1/news"); }

    static String trimmed(URI url) { return url.toString().replaceAll("/+$", ""); }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive: " + value);
    }
}
