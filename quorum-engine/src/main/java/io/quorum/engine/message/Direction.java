package io.quorum.engine.message;

/** Long profits when the price rises, short when it falls. */
public enum Direction {
    LONG,
    SHORT;

    /** +1 for long, -1 for short: the sign that turns a price move into P&L. */
    public int sign() { return this == LONG ? 1 : -1; }
}
