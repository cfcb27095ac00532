package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's question to another agent before it votes, once it has passed validation: to whom, the
 * question in a sentence or two, and how sure the model is that the answer will decide its vote (0 to 1).
 */
public record QuestionFirst(AgentRole addressee, String question, BigDecimal confidence) implements Consideration {
    /** A question is read in a chat line, as a vote's reason is. */
    public static final int LONGEST_QUESTION = 300;

    public QuestionFirst {
        Objects.requireNonNull(addressee, "addressee");
        if (!AgentRole.VOTERS.contains(addressee)) throw new IllegalArgumentException("to: " + addressee + " is not one of the desk's agents");
        if (question == null || question.isBlank()) throw new IllegalArgumentException("question: must not be blank");
        if (question.length() > LONGEST_QUESTION) throw new IllegalArgumentException("question: at most " + LONGEST_QUESTION + " characters");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
    }
}
