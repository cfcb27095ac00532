package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;

/**
 * Told of every message a full mailbox could not take; the desk turns it into an ALERT. Called on
 * the publisher's thread after the session's critical section, so a listener may itself publish.
 */
@FunctionalInterface
public interface OverflowListener {
    void overflowed(Subscriber subscriber, AgentMessage dropped, OverflowPolicy appliedPolicy);
}
