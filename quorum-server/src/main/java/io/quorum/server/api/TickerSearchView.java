package io.quorum.server.api;

import java.util.List;

/** The tickers a search found for a ticker box, best first; empty when nothing matches. */
public record TickerSearchView(List<Match> tickers) {
    public TickerSearchView { tickers = List.copyOf(tickers); }

    /** One ticker; {@code name}, {@code exchange} and {@code type} are empty when the feed knows only symbols. */
    public record Match(String symbol, String name, String exchange, String type) {}
}
