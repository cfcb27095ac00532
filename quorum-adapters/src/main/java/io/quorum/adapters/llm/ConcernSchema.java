package io.quorum.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Rejection;
import java.util.Set;

/**
 * Checks a model's reading of the user's reason against its JSON schema ({@code prompts/concern.v1.md}),
 * as strictly as {@link VoteSchema} reads a vote: one object of {@code concern} (one of the
 * rejection's concerns, word for word, in any case), {@code reading} (a sentence) and {@code confidence}.
 */
public final class ConcernSchema {
    private static final Set<String> FIELDS = Set.of("concern", "reading", "confidence");

    private ConcernSchema() {}

    public static SchemaReading<ConcernAnswer> read(String text, Rejection rejection) {
        try {
            JsonNode root = VoteSchema.object(text, FIELDS);
            JsonNode concern = root.path("concern");
            String offered = String.join(", ", rejection.concerns());
            if (!concern.isTextual()) throw new IllegalArgumentException("concern: expected one of " + offered);
            String named = rejection.concerns().stream().filter(c -> c.equalsIgnoreCase(concern.textValue().strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("concern: \"" + concern.textValue() + "\" is not one of " + offered));
            JsonNode reading = root.path("reading");
            if (!reading.isTextual() || reading.textValue().isBlank()) throw new IllegalArgumentException("reading: expected a sentence");
            String said = reading.textValue().strip();
            if (said.length() > ConcernAnswer.LONGEST_READING) throw new IllegalArgumentException("reading: longer than " + ConcernAnswer.LONGEST_READING + " characters");
            return new SchemaReading.Valid<>(new ConcernAnswer(named, said, VoteSchema.confidence(root.path("confidence"))));
        } catch (IllegalArgumentException violation) {
            return new SchemaReading.Invalid<>(violation.getMessage());
        }
    }
}
