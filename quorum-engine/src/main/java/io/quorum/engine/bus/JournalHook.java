package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;

/**
 * Receives every message the bus sequences, before anyone else sees it: the session journal is
 * the audit log, so nothing may be delivered that is not journaled. Called inside the session's
 * critical section, hence in {@code seq} order; a hook that throws makes the publish fail and the
 * message is neither delivered nor given its {@code seq} (the next message takes it, so the
 * journal has no gaps).
 */
@FunctionalInterface
public interface JournalHook {
    JournalHook NONE = sequenced -> { };

    void append(AgentMessage sequenced);
}
