package io.quorum.engine.market;

import java.util.Objects;

/**
 * A ticker a feed offers for a search, for a ticker box: its name, exchange and kind (EQUITY,
 * ETF). A feed that knows only symbols gives the symbol as the name and leaves the others empty.
 */
public record SymbolMatch(Ticker ticker, String name, String exchange, String type) {
    public SymbolMatch {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(type, "type");
    }

    /** A match known only by its symbol. */
    public static SymbolMatch symbolOnly(Ticker ticker) { return new SymbolMatch(ticker, ticker.symbol(), "", ""); }
}
