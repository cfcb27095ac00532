package io.quorum.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.reasoning.Reply;
import java.util.Set;

/**
 * Checks a model's answer to another agent's question against the reply's JSON schema
 * ({@code prompts/reply.v1.md}): one object of {@code answer} (a sentence or two) and
 * {@code confidence} (0 to 1), as strictly as {@link VoteSchema} reads a vote.
 */
public final class ReplySchema {
    private static final Set<String> FIELDS = Set.of("answer", "confidence");

    private ReplySchema() {}

    public static SchemaReading<Reply> read(String text) {
        try {
            JsonNode root = VoteSchema.object(text, FIELDS);
            JsonNode answer = root.path("answer");
            if (!answer.isTextual() || answer.textValue().isBlank()) throw new IllegalArgumentException("answer: expected a sentence");
            String said = answer.textValue().strip();
            if (said.length() > Reply.LONGEST_TEXT) throw new IllegalArgumentException("answer: longer than " + Reply.LONGEST_TEXT + " characters");
            return new SchemaReading.Valid<>(new Reply(said, VoteSchema.confidence(root.path("confidence"))));
        } catch (IllegalArgumentException violation) {
            return new SchemaReading.Invalid<>(violation.getMessage());
        }
    }
}
