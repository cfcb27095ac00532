package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;

/** Told when a subscriber's handler throws; the mailbox goes on with the next message. Called on the mailbox's thread. */
@FunctionalInterface
public interface HandlerErrorListener {
    void handlerFailed(Subscriber subscriber, AgentMessage message, Throwable error);
}
