package io.quorum.server.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame of a session's live stream. {@code data} is the DTO for {@code type}
 * ({@link AgentMessageView}, {@link DecisionEntry}, {@link SessionView}, {@link PortfolioView},
 * ...). {@code seq} is the journal seq; for events
 * that are not journaled it is the latest journal seq at the time.
 */
public record StreamEvent(StreamEventType type, long seq, String sessionId, Instant time, Object data) {
    public StreamEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(time, "time");
        if (seq < 0) throw new IllegalArgumentException("seq: must not be negative, was " + seq);
    }
}
