package io.quorum.engine.position;

/** The result of editing a position's stop, target or trailing stop. A refusal is a value. */
public sealed interface ProtectionEdit {
    record Applied(Position position) implements ProtectionEdit {}

    /** {@code reason} is a sentence for the user, e.g. "the stop 181.00 of a long must be below the current price 179.20". */
    record Refused(String reason) implements ProtectionEdit {}
}
