package io.quorum.engine.order;

/** What became of a submitted order. A business rejection is a value, not an exception. */
public sealed interface Submission {
    record Accepted(Order order) implements Submission {}

    record Rejected(RejectReason reason, String detail) implements Submission {}
}
