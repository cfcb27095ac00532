package io.quorum.engine.order;

/** Buy or sell. A long opens with BUY and closes with SELL; a short the other way round. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() { return this == BUY ? SELL : BUY; }
}
