package io.quorum.engine.order;

/**
 * Why the desk sent an order: its decision, a protective exit, or the user. Each execution carries
 * its order's cause beside the reason in words, so that a trade's history never reads the words.
 */
public enum OrderCause {
    /** The agents' vote carried it (and the user may have approved or confirmed it). */
    DECISION,
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP,
    /** The user placed it from the order ticket. */
    MANUAL,
    /** The user closed the position. */
    USER_CLOSE,
    /** The user flattened the session. */
    FLATTEN,
    /** The daily loss limit was hit and the session flattened itself. */
    LOSS_LIMIT;

    /** How a manual order's reason begins: "ordered by" and the user's name. */
    public static final String MANUAL_REASON = "ordered by ";

    /**
     * The cause of an order recorded before causes were, by the reason the desk gave it then: a
     * protective exit's sentence, "closed by …", "flattened by …", "ordered by …", "daily loss limit hit"; any other
     * order followed a decision.
     */
    public static OrderCause ofRecordedReason(String reason) {
        return switch (reason) {
            case "the stop-loss was hit" -> STOP_LOSS;
            case "the take-profit target was reached" -> TAKE_PROFIT;
            case "the trailing stop was hit" -> TRAILING_STOP;
            case "daily loss limit hit" -> LOSS_LIMIT;
            default -> reason.startsWith("closed by ") ? USER_CLOSE : reason.startsWith("flattened by ") ? FLATTEN
                    : reason.startsWith(MANUAL_REASON) ? MANUAL : DECISION;
        };
    }
}
