package io.quorum.server.api;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;

/** Which messages to list; a null field does not filter. */
public record MessageFilter(AgentRole sender, MessageType type) {
    public static final MessageFilter NONE = new MessageFilter(null, null);
}
