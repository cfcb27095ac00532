package io.quorum.server.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An {@link AgentMessage} on the wire. {@code content} is the payload as a JSON object (always
 * with {@code "text"}); {@code responseTimeout} is ISO-8601 ({@code "PT30S"}).
 */
public record AgentMessageView(String id, long seq, AgentRole sender, RecipientsView recipients, MessageType type,
                               Map<String, Object> content, Instant timestamp, String replyTo, boolean requiresResponse,
                               Duration responseTimeout) {

    /** The message as sent, with its payload already rendered as a JSON object by the caller's serialiser. */
    public static AgentMessageView of(AgentMessage message, Map<String, Object> content) {
        return new AgentMessageView(message.id().toString(), message.seq(), message.sender(), RecipientsView.of(message.recipients()),
                message.type(), content, message.timestamp(), message.replyTo() == null ? null : message.replyTo().toString(),
                message.requiresResponse(), message.responseTimeout());
    }

    /** {@code "ALL"} or a list of roles. */
    public record RecipientsView(List<AgentRole> roles) {
        public static final RecipientsView ALL = new RecipientsView(null);

        public static RecipientsView of(Recipients recipients) {
            return switch (recipients) {
                case Recipients.All all -> ALL;
                case Recipients.Roles named -> new RecipientsView(named.roles().stream().sorted().toList());
            };
        }

        @JsonValue Object json() { return roles == null ? "ALL" : roles; }
    }
}
