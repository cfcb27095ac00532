package io.quorum.engine.bus;

/**
 * What a full mailbox does with the next message. Either way the overflow is counted and reported
 * to the {@link OverflowListener}: a subscriber that falls behind is never dropped silently.
 */
public enum OverflowPolicy {
    /** The message that does not fit is dropped for this subscriber; what is queued stays. */
    DROP_NEWEST,
    /** The laggard is unsubscribed, with what is queued for it; it must resubscribe and catch up from the journal. */
    DISCONNECT
}
