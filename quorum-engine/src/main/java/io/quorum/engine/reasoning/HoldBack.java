package io.quorum.engine.reasoning;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's choice not to put its role's proposal to the desk now, once its answer has passed
 * validation: why, in a sentence or two, and how sure it is (0 to 1).
 */
public record HoldBack(String reason, BigDecimal confidence) implements DraftingAnswer {
    public HoldBack {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: must not be blank");
        if (reason.length() > VoteAnswer.LONGEST_REASON) throw new IllegalArgumentException("reason: at most " + VoteAnswer.LONGEST_REASON + " characters");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
    }
}
