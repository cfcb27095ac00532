package io.quorum.adapters.yahoo;

import io.quorum.engine.market.Ticker;
import java.util.Objects;

/** A ticker the provider offers for a search, with its name, exchange and kind (EQUITY, ETF), for a ticker box. */
public record SymbolMatch(Ticker ticker, String name, String exchange, String type) {
    public SymbolMatch {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(type, "type");
    }
}
