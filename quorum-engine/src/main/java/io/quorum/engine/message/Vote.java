package io.quorum.engine.message;

import java.util.Objects;

/** One agent's vote on a proposal; the voter is the sender of the carrying message. */
public record Vote(ProposalId proposalId, VoteChoice choice, String reason, Modification modification, String text) implements Payload {
    public Vote {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(choice, "choice");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: must not be blank");
        Payload.requireText(text);
    }
}
