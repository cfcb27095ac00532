package io.quorum.engine.order;

public enum OrderType {
    /** Fills at once at the touch: buys at the ask, sells at the bid. */
    MARKET,
    /** Fills only at the limit price or better. */
    LIMIT,
    /** Becomes a market order when the price trades through the stop price. */
    STOP
}
