package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.MalformedMessageException;

/**
 * Vets a draft before it is sequenced. A refused message gets no {@code seq}, is not journaled and
 * reaches nobody; the publisher gets the {@link MalformedMessageException}. Guards run on the
 * publisher's thread, outside the session's critical section, so a slow guard only slows its own
 * publisher.
 */
@FunctionalInterface
public interface MessageGuard {
    void check(AgentMessage draft) throws MalformedMessageException;
}
