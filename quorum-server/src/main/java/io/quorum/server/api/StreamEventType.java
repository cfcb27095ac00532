package io.quorum.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of WebSocket frames; on the wire in lower case ({@code agent_message}). */
public enum StreamEventType {
    AGENT_MESSAGE, DECISION, PROPOSAL, STATUS, REASONING, POSITION_UPDATE, MARKET_ALERT, TRADE_EXECUTED, POSITION, COMPLETE,
    HEARTBEAT, RESYNC, PONG;

    @JsonValue public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** True for events the journal keeps, so that a reconnecting client gets them again. */
    public boolean isJournaled() {
        return switch (this) {
            case POSITION_UPDATE, HEARTBEAT, RESYNC, PONG -> false;
            default -> true;
        };
    }
}
