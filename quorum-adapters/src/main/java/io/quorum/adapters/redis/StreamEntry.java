package io.quorum.adapters.redis;

import io.quorum.adapters.json.MessageJson;
import io.quorum.engine.message.AgentMessage;
import io.lettuce.core.StreamMessage;
import java.util.Map;
import java.util.Optional;

/**
 * One message as a session's stream holds it: the stream entry's id (its place in the stream) and
 * the message in the journal's JSON, which keeps its per-session {@code seq}.
 */
record StreamEntry(String entryId, AgentMessage message) {
    static final String MESSAGE_FIELD = "message";

    private static final System.Logger LOG = System.getLogger("io.quorum.adapters.redis");

    static Map<String, String> fieldsOf(AgentMessage message) {
        return Map.of(MESSAGE_FIELD, MessageJson.encode(message));
    }

    /** The entry's message, or empty (logged) when the entry is not one of ours or does not parse. */
    static Optional<StreamEntry> read(StreamMessage<String, String> raw) {
        String json = raw.getBody().get(MESSAGE_FIELD);
        try {
            if (json != null) return Optional.of(new StreamEntry(raw.getId(), MessageJson.decode(json)));
        } catch (RuntimeException malformed) {
            LOG.log(System.Logger.Level.WARNING, "stream " + raw.getStream() + " entry " + raw.getId() + " is not a message: " + malformed.getMessage());
            return Optional.empty();
        }
        LOG.log(System.Logger.Level.WARNING, "stream " + raw.getStream() + " entry " + raw.getId() + " has no message field");
        return Optional.empty();
    }
}
