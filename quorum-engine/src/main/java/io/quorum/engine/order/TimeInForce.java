package io.quorum.engine.order;

/** How long an order works before the venue ends what has not filled. */
public enum TimeInForce {
    /** Until the close of the session it was placed in: the usual default at a broker. */
    DAY,
    /** Good till cancelled: it works across sessions until it fills or is cancelled (a venue may still end it after months). */
    GTC
}
