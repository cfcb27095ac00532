package io.quorum.server.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame of a session's live stream. {@code data} is the DTO for {@code type}: the
 * {@link AgentMessageView} for the message frames (reasoning, complete, proposal, decision,
 * trade_executed, market_alert, agent_message), the {@link SessionView} for status, the
 * {@link PositionView} for position, the {@link PortfolioView} for position_update, null for
 * the control frames. {@code seq} is the journal seq; for events that are not journaled it is
 * the latest journal seq at the time.
 */
public record StreamEvent(StreamEventType type, long seq, String sessionId, Instant time, Object data) {
    public StreamEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(time, "time");
        if (seq < 0) throw new IllegalArgumentException("seq: must not be negative, was " + seq);
    }
}
