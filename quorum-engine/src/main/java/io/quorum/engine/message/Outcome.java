package io.quorum.engine.message;

/** How a proposal ended. Only the two APPROVED outcomes may lead to an order. */
public enum Outcome {
    APPROVED,
    APPROVED_MODIFIED,
    REJECTED,
    VETOED,
    TIMED_OUT,
    CANCELLED;

    public boolean approves() { return this == APPROVED || this == APPROVED_MODIFIED; }
}
