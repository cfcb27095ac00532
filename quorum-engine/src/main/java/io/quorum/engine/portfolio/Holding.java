package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;

/**
 * One open position as risk sees it: signed shares (a short is negative) at the last price, its
 * ticker's sector, and its stop when it has one ({@code null} otherwise).
 */
public record Holding(Ticker ticker, String sector, long shares, Price last, Price stop) {
    public Holding {
        if (ticker == null || sector == null || last == null) throw new IllegalArgumentException("holding: ticker, sector and last price are required");
        if (shares == 0) throw new IllegalArgumentException("holding of " + ticker + ": no shares");
    }

    /** Signed: a short's market value is negative. */
    public Money marketValue() { return last.times(shares); }

    public boolean isLong() { return shares > 0; }
}
