package io.quorum.engine.message;

import java.util.List;
import java.util.Objects;

/**
 * The orchestrator's verdict on a proposal. {@code terms} are the terms to execute (the original
 * proposal, or the modified one for APPROVED_MODIFIED); {@code votes} lists every voter with its
 * reason, in role order. {@code reason} explains non-approvals such as a cancel.
 */
public record Decision(ProposalId proposalId, Outcome outcome, Tally tally, List<VoteRecord> votes, Proposal terms, String reason, String text) implements Payload {
    public Decision {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tally, "tally");
        votes = List.copyOf(Objects.requireNonNull(votes, "votes"));
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(reason, "reason");
        Payload.requireText(text);
        if (!terms.id().equals(proposalId)) throw new IllegalArgumentException("terms: belong to proposal " + terms.id() + ", not " + proposalId);
    }
}
