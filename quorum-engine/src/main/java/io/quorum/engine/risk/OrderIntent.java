package io.quorum.engine.risk;

/** Why an order is being sent; it decides which pre-trade checks apply. */
public enum OrderIntent {
    /** Opens or grows a position: every limit applies. */
    OPEN,
    /** A desk decision to make a position smaller: needs authority and trading hours, never more than is held. */
    REDUCE,
    /**
     * A protective exit (stop, target, trailing stop) or the user's own close or flatten: allowed in
     * every trading state while the exchange is open, never more than is held.
     */
    EXIT;

    public boolean addsExposure() { return this == OPEN; }
}
