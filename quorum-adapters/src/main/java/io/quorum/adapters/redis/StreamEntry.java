package io.quorum.adapters.redis;

import io.lettuce.core.StreamMessage;
import io.quorum.adapters.json.MessageJson;
import io.quorum.engine.message.AgentMessage;
import java.util.Map;
import java.util.Optional;

/**
 * One message as a session's stream holds it: the stream entry's id (its place in the stream), the
 * message's per-session {@code seq} in a field of its own, and the draft in the journal's JSON. The
 * seq stands apart so that a script can number and append a message in one step.
 */
record StreamEntry(String entryId, AgentMessage message) {
    static final String SEQ_FIELD = "seq";
    static final String MESSAGE_FIELD = "message";

    private static final System.Logger LOG = System.getLogger("io.quorum.adapters.redis");

    /** The draft of {@code message}, without its seq, as the stream keeps it. */
    static String draftJson(AgentMessage draft) {
        return MessageJson.encode(draft);
    }

    static Map<String, String> fieldsOf(AgentMessage sequenced, String draftJson) {
        return Map.of(SEQ_FIELD, Long.toString(sequenced.seq()), MESSAGE_FIELD, draftJson);
    }

    /** The entry's message, or empty (logged) when the entry is not one of ours or does not parse. */
    static Optional<StreamEntry> read(StreamMessage<String, String> raw) {
        String json = raw.getBody().get(MESSAGE_FIELD);
        String seq = raw.getBody().get(SEQ_FIELD);
        if (json == null || seq == null) {
            LOG.log(System.Logger.Level.WARNING, "stream " + raw.getStream() + " entry " + raw.getId() + " is not a message: it lacks a field");
            return Optional.empty();
        }
        try {
            return Optional.of(new StreamEntry(raw.getId(), MessageJson.decode(json).sequenced(Long.parseLong(seq))));
        } catch (RuntimeException malformed) {
            LOG.log(System.Logger.Level.WARNING, "stream " + raw.getStream() + " entry " + raw.getId() + " is not a message: " + malformed.getMessage());
            return Optional.empty();
        }
    }
}
