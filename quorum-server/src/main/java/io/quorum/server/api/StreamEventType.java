package io.quorum.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kinds of WebSocket frames; on the wire in lower case ({@code agent_message}). Decisions,
 * proposals, reasoning, alerts and executed trades are agent messages: a client reads them off
 * {@code agent_message} frames by the message's type and content.
 */
public enum StreamEventType {
    AGENT_MESSAGE, STATUS, POSITION, POSITION_UPDATE, HEARTBEAT, RESYNC, PONG;

    @JsonValue public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** True for events the journal keeps, so that a reconnecting client gets them again. */
    public boolean isJournaled() {
        return switch (this) {
            case POSITION_UPDATE, HEARTBEAT, RESYNC, PONG -> false;
            default -> true;
        };
    }
}
