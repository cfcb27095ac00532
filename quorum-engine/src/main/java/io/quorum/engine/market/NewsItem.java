package io.quorum.engine.market;

import java.time.Instant;
import java.util.Objects;

/** A headline about a ticker, with where and when it was published. */
public record NewsItem(Ticker ticker, String headline, String source, Instant publishedAt) {
    public NewsItem {
        Objects.requireNonNull(ticker, "ticker");
        if (headline == null || headline.isBlank()) throw new IllegalArgumentException("headline: must not be blank");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source: must not be blank");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
