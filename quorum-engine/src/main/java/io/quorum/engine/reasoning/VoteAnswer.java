package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.VoteChoice;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's vote, once its answer has passed validation: the choice, the reason in a sentence, how
 * sure it is (0 to 1), and the terms it wants changed, if any.
 */
public record VoteAnswer(VoteChoice choice, String reason, BigDecimal confidence, Modification modification) implements Consideration {
    /** Longer reasons are cut by the validator: a vote is read in a chat line, not an essay. */
    public static final int LONGEST_REASON = 500;

    public VoteAnswer {
        Objects.requireNonNull(choice, "choice");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: must not be blank");
        if (reason.length() > LONGEST_REASON) throw new IllegalArgumentException("reason: at most " + LONGEST_REASON + " characters");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
    }

    /** Only Risk may veto; any other role's veto is an answer the desk cannot take. */
    public boolean allowedFor(AgentRole role) { return choice != VoteChoice.VETO || role == AgentRole.RISK; }
}
