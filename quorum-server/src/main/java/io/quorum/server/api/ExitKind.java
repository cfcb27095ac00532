package io.quorum.server.api;

import io.quorum.engine.order.OrderCause;

/** Why a trade was closed, as the trade history groups it. */
public enum ExitKind {
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP,
    /** The agents voted to reduce or close (and the user may have approved the vote). */
    DECISION,
    /** The user closed the position, or sold it from the order ticket. */
    USER,
    /** The user flattened the session. */
    FLATTEN,
    /** The daily loss limit was hit and the session was flattened. */
    LOSS_LIMIT;

    /** The kind of exit an order of that cause makes. */
    public static ExitKind of(OrderCause cause) {
        return switch (cause) {
            case DECISION -> DECISION;
            case STOP_LOSS -> STOP_LOSS;
            case TAKE_PROFIT -> TAKE_PROFIT;
            case TRAILING_STOP -> TRAILING_STOP;
            case USER_CLOSE, MANUAL -> USER;
            case FLATTEN -> FLATTEN;
            case LOSS_LIMIT -> LOSS_LIMIT;
        };
    }
}
