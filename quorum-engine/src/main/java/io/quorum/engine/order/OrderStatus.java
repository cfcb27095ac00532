package io.quorum.engine.order;

public enum OrderStatus {
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    /** A day order still unfilled, in whole or in part, at the close of its session. */
    EXPIRED;

    public boolean isFinal() { return this != ACCEPTED && this != PARTIALLY_FILLED; }
}
