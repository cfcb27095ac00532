package io.quorum.engine.reasoning;

import java.math.BigDecimal;
import java.util.Objects;

/** A model's answer to a question another agent asked its role, once it has passed validation: a sentence or two, and how sure it is (0 to 1). */
public record Reply(String text, BigDecimal confidence) {
    /** As long as a vote's reason: an answer is read in a chat line too. */
    public static final int LONGEST_TEXT = VoteAnswer.LONGEST_REASON;

    public Reply {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("answer: must not be blank");
        if (text.length() > LONGEST_TEXT) throw new IllegalArgumentException("answer: at most " + LONGEST_TEXT + " characters");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
    }
}
