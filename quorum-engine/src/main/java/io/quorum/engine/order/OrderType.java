package io.quorum.engine.order;

public enum OrderType {
    /** Fills at once at the touch: buys at the ask, sells at the bid. */
    MARKET,
    /** Fills only at the limit price or better. */
    LIMIT,
    /** Becomes a market order when the price trades through the stop price. */
    STOP,
    /** Becomes a limit order at the limit price when the price trades through the stop price. */
    STOP_LIMIT;

    /** Whether an order of this type names a limit price. */
    public boolean hasLimitPrice() { return this == LIMIT || this == STOP_LIMIT; }

    /** Whether an order of this type names a stop price. */
    public boolean hasStopPrice() { return this == STOP || this == STOP_LIMIT; }
}
