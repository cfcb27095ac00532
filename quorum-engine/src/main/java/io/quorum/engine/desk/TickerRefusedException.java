package io.quorum.engine.desk;

import io.quorum.engine.market.SymbolLookup;
import java.util.Objects;

/** No session: the market-data feed does not know the ticker, or could not be asked. The message is the feed's answer. */
public final class TickerRefusedException extends RuntimeException {
    private final transient SymbolLookup lookup;

    public TickerRefusedException(SymbolLookup lookup) {
        super(describe(lookup));
        this.lookup = lookup;
    }

    /** {@link SymbolLookup.Unknown} or {@link SymbolLookup.Unavailable}: the user may retry only the second. */
    public SymbolLookup lookup() { return lookup; }

    /** The user's sentence for a lookup that refused the ticker. */
    static String describe(SymbolLookup lookup) {
        return switch (Objects.requireNonNull(lookup, "lookup")) {
            case SymbolLookup.Unknown unknown -> "no market data for " + unknown.ticker() + ": " + unknown.providerAnswer();
            case SymbolLookup.Unavailable down -> "cannot check " + down.ticker() + " with the market-data provider now: " + down.why();
            case SymbolLookup.Known known -> throw new IllegalArgumentException(known.ticker() + " is known: nothing to refuse");
        };
    }
}
