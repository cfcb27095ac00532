package io.quorum.engine.reasoning;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's reading of the user's reason, once it has passed validation: the concern it names (one
 * of the {@link Rejection#concerns}, as written there), what in the reason made it read so, in a
 * sentence, and how sure it is (0 to 1).
 */
public record ConcernAnswer(String concern, String reading, BigDecimal confidence) {
    public static final int LONGEST_READING = VoteAnswer.LONGEST_REASON;

    public ConcernAnswer {
        if (concern == null || concern.isBlank()) throw new IllegalArgumentException("concern: must not be blank");
        if (reading == null || reading.isBlank()) throw new IllegalArgumentException("reading: must not be blank");
        if (reading.length() > LONGEST_READING) throw new IllegalArgumentException("reading: at most " + LONGEST_READING + " characters");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
    }
}
