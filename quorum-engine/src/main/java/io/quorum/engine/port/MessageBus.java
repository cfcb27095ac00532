package io.quorum.engine.port;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.function.Consumer;

/**
 * Carries the desk's conversation. Publishing gives a message the next {@code seq} of its session
 * (a total order), journals it, then hands it to every subscriber it is addressed to, each through
 * its own bounded, ordered mailbox. Publishing never waits for a subscriber.
 */
public interface MessageBus extends AutoCloseable {

    /**
     * Sequences, journals and delivers {@code draft}.
     *
     * @return the message as delivered, with its {@code seq}
     * @throws io.quorum.engine.message.MalformedMessageException if a guard refuses it; then nothing is journaled or delivered
     */
    AgentMessage publish(AgentMessage draft);

    /** Delivers the session's messages addressed to {@code role}, in {@code seq} order, on the mailbox's own thread. */
    Subscription subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler);

    /** Delivers every message of the session whatever its recipients: for the UI stream and monitors. */
    Subscription observe(SessionId session, Consumer<AgentMessage> handler);

    @Override void close();

    /** Stops a delivery; messages already queued for it are dropped with it. Idempotent. */
    interface Subscription extends AutoCloseable {
        @Override void close();
    }
}
