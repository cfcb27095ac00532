package io.quorum.engine.message;

import java.util.Objects;

/**
 * One agent's vote on a proposal; the voter is the sender of the carrying message. {@code attribution}
 * names the model that reasoned it, null for a vote by the rules.
 */
public record Vote(ProposalId proposalId, VoteChoice choice, String reason, Modification modification, String text, Attribution attribution) implements Payload {
    /** A vote by the rules. */
    public Vote(ProposalId proposalId, VoteChoice choice, String reason, Modification modification, String text) {
        this(proposalId, choice, reason, modification, text, null);
    }

    public Vote {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(choice, "choice");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: must not be blank");
        Payload.requireText(text);
    }
}
