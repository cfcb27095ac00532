package io.quorum.engine.position;

import io.quorum.engine.order.OrderCause;

/** Why a position left the market without a vote. */
public enum ExitReason {
    STOP_LOSS("the stop-loss was hit", OrderCause.STOP_LOSS),
    TAKE_PROFIT("the take-profit target was reached", OrderCause.TAKE_PROFIT),
    TRAILING_STOP("the trailing stop was hit", OrderCause.TRAILING_STOP);

    private final String sentence;
    private final OrderCause cause;

    ExitReason(String sentence, OrderCause cause) {
        this.sentence = sentence;
        this.cause = cause;
    }

    /** The reason as the desk announces it, e.g. "the stop-loss was hit". */
    public String sentence() { return sentence; }

    /** The cause its exit order carries. */
    public OrderCause cause() { return cause; }
}
