package io.quorum.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kinds of WebSocket frames; on the wire in lower case ({@code trade_executed}). Each
 * journaled agent message is one frame whose type says which step of the desk's protocol it is:
 * an analysis step ({@link #REASONING}), the analysis done ({@link #COMPLETE}), a trade put to
 * the vote ({@link #PROPOSAL}), its result ({@link #DECISION}), a fill ({@link #TRADE_EXECUTED}),
 * an alert ({@link #MARKET_ALERT}); the rest of the conversation (questions, vote requests,
 * votes, observations) is {@link #AGENT_MESSAGE}. What an agent is doing while it works (thinking,
 * a model's draft, done, fell back to its rules) is {@link #AGENT_ACTIVITY}, which is not journaled.
 */
public enum StreamEventType {
    REASONING, STATUS, PROPOSAL, POSITION, COMPLETE, AGENT_MESSAGE, POSITION_UPDATE, RISK_UPDATE, MARKET_ALERT, TRADE_EXECUTED, DECISION,
    AGENT_ACTIVITY, HEARTBEAT, RESYNC, PONG;

    @JsonValue public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** True for the updates a slow client gets only the latest of: each carries the whole value, so an older one adds nothing. */
    public boolean isLatestOnly() { return this == POSITION_UPDATE || this == RISK_UPDATE; }

    /** True for events the journal keeps, so that a reconnecting client gets them again. */
    public boolean isJournaled() {
        return switch (this) {
            case POSITION_UPDATE, RISK_UPDATE, AGENT_ACTIVITY, HEARTBEAT, RESYNC, PONG -> false;
            default -> true;
        };
    }
}
