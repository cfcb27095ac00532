package io.quorum.engine.order;

import io.quorum.engine.money.Price;
import java.util.Objects;

/**
 * The exits a venue attaches to an entry order and keeps itself once the entry fills: a
 * take-profit limit and a stop-loss stop, each cancelling the other. An entry without a bracket
 * leaves its stops to the desk's position manager.
 */
public record Bracket(Price takeProfit, Price stopLoss) {
    public Bracket {
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLoss, "stopLoss");
        if (takeProfit.equals(stopLoss)) throw new IllegalArgumentException("takeProfit and stopLoss must differ, both were " + stopLoss);
    }

    /** Whether the exits lie on the right sides for an entry on {@code side}: a buy's target above its stop, a sell's below. */
    boolean fits(Side side) { return side == Side.BUY ? takeProfit.isAbove(stopLoss) : takeProfit.isBelow(stopLoss); }
}
