package io.quorum.adapters.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.quorum.engine.message.AgentMessage;
import java.util.List;

/**
 * Where one subscription's messages come from: a role's consumer group ({@link RoleStream}) or the
 * whole session ({@link SessionStream}). A source hands each message once to its subscription,
 * however many times Redis delivers it.
 */
interface StreamSource {
    /** The next messages to hand to the handler, waiting at most the read block; empty when none came. */
    List<StreamEntry> read(StatefulRedisConnection<String, String> connection);

    /** The mailbox could not take {@code entry}: it is dropped for this subscriber. */
    void dropped(StreamEntry entry);

    /** The handler returned (or threw) on {@code message}. Called on the mailbox's thread. */
    void handled(AgentMessage message);

    /** The reads are over; {@code connection} is still open, for what the source must finish first. */
    void stopped(StatefulRedisConnection<String, String> connection);
}
