package io.quorum.engine.market;

import java.time.ZoneId;

/** Whether the provider knows a ticker. */
public sealed interface SymbolLookup {
    Ticker ticker();

    /** The provider has the ticker, traded in {@code exchangeZone}. */
    record Known(Ticker ticker, ZoneId exchangeZone) implements SymbolLookup {}

    /** The provider does not know the ticker; {@code providerAnswer} is its own words, to show the user. */
    record Unknown(Ticker ticker, String providerAnswer) implements SymbolLookup {}

    /** The provider could not be asked (throttled, failing, out of reach, or an unreadable answer). */
    record Unavailable(Ticker ticker, String why) implements SymbolLookup {}
}
