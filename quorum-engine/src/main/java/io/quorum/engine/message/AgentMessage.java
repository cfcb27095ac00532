package io.quorum.engine.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the desk's conversation. {@code seq} is assigned by the bus when the message is
 * published ({@link #UNSEQUENCED} before); it is the total order of the session and the key a
 * reconnecting client resumes from. {@code type} always matches the payload's record type.
 */
public record AgentMessage(
        UUID id,
        SessionId sessionId,
        long seq,
        AgentRole sender,
        Recipients recipients,
        MessageType type,
        Payload content,
        Instant timestamp,
        UUID replyTo,
        boolean requiresResponse,
        Duration responseTimeout) {

    public static final long UNSEQUENCED = 0;
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    public AgentMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        if (seq < 0) throw new IllegalArgumentException("seq: must not be negative, was " + seq);
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (responseTimeout.isNegative() || responseTimeout.isZero()) throw new IllegalArgumentException("responseTimeout: must be positive, was " + responseTimeout);
        if (!type.payloadType().isInstance(content)) {
            throw new IllegalArgumentException("content: a " + type + " message needs a " + type.payloadType().getSimpleName()
                    + " payload, not " + content.getClass().getSimpleName());
        }
        if (content instanceof Vote v && v.choice() == VoteChoice.VETO && sender != AgentRole.RISK) {
            throw new IllegalArgumentException("content.choice: only the Risk agent may VETO, not " + sender);
        }
    }

    /** A message ready to publish: fresh id, no seq yet, default timeout. */
    public static AgentMessage draft(SessionId sessionId, AgentRole sender, Recipients recipients, Payload content, Instant timestamp) {
        return new AgentMessage(UUID.randomUUID(), sessionId, UNSEQUENCED, sender, recipients, MessageType.of(content), content,
                timestamp, null, false, DEFAULT_RESPONSE_TIMEOUT);
    }

    public AgentMessage inReplyTo(UUID messageId) {
        return new AgentMessage(id, sessionId, seq, sender, recipients, type, content, timestamp, messageId, requiresResponse, responseTimeout);
    }

    public AgentMessage expectingResponseWithin(Duration timeout) {
        return new AgentMessage(id, sessionId, seq, sender, recipients, type, content, timestamp, replyTo, true, timeout);
    }

    /** This message with the sequence number the bus gave it. */
    public AgentMessage sequenced(long newSeq) {
        if (newSeq <= 0) throw new IllegalArgumentException("seq: the bus numbers from 1, was " + newSeq);
        return new AgentMessage(id, sessionId, newSeq, sender, recipients, type, content, timestamp, replyTo, requiresResponse, responseTimeout);
    }

    public boolean isSequenced() { return seq != UNSEQUENCED; }

    public boolean isFor(AgentRole role) { return recipients.includes(role); }
}
