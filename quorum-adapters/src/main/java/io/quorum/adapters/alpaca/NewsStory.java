package io.quorum.adapters.alpaca;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One article of Alpaca's news, by its provider id, with the symbols it is about. */
public record NewsStory(long id, String headline, String source, Instant createdAt, List<String> symbols) {
    public NewsStory {
        if (headline == null || headline.isBlank()) throw new IllegalArgumentException("headline: must not be blank");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        symbols = List.copyOf(symbols);
    }
}
