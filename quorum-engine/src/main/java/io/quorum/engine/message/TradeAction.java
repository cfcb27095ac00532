package io.quorum.engine.message;

/** What a proposal asks the desk to do with a ticker. */
public enum TradeAction {
    OPEN_LONG,
    OPEN_SHORT,
    INCREASE,
    REDUCE,
    CLOSE,
    ADJUST_STOPS;

    /** True when the action adds exposure, so that pre-trade limits apply in full. */
    public boolean addsExposure() { return this == OPEN_LONG || this == OPEN_SHORT || this == INCREASE; }
}
