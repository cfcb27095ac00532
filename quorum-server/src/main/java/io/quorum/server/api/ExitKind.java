package io.quorum.server.api;

import io.quorum.engine.position.ExitReason;

/** Why a trade was closed, as the trade history groups it. */
public enum ExitKind {
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP,
    /** The agents voted to reduce or close (and the user may have approved the vote). */
    DECISION,
    /** The user closed the position or flattened the session. */
    USER,
    /** The daily loss limit was hit and the session was flattened. */
    LOSS_LIMIT;

    /**
     * The kind of the reason an exit order carried. The desk reports a reason in words: a protective
     * exit with its {@link ExitReason#sentence()}, the user's close or flatten as "closed by …" or
     * "flattened by …", the loss limit as "daily loss limit hit"; every other order follows a decision.
     */
    public static ExitKind of(String reason) {
        for (ExitReason exit : ExitReason.values()) {
            if (exit.sentence().equals(reason)) {
                return switch (exit) {
                    case STOP_LOSS -> STOP_LOSS;
                    case TAKE_PROFIT -> TAKE_PROFIT;
                    case TRAILING_STOP -> TRAILING_STOP;
                };
            }
        }
        if (reason.startsWith("closed by ") || reason.startsWith("flattened by ")) return USER;
        if (reason.equals("daily loss limit hit")) return LOSS_LIMIT;
        return DECISION;
    }
}
