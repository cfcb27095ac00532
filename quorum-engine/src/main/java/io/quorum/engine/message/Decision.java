package io.quorum.engine.message;

import java.util.List;
import java.util.Objects;

/**
 * The orchestrator's verdict on a proposal. {@code terms} are the terms to execute (the original
 * proposal, or the modified one for APPROVED_MODIFIED); {@code votes} lists every voter with its
 * reason, in role order. {@code reason} explains non-approvals such as a cancel.
 *
 * <p>{@code fencingToken} is the token of the orchestrator's lease of the session when it decided
 * ({@code io.quorum.engine.port.OrchestratorLease}): 0 on a desk that is the only orchestrator of
 * its sessions, a grant's token (1 and up) where several processes may orchestrate, -1 from an
 * orchestrator that held no grant. Execution carries the decision out only when the fence admits
 * that token, so a deposed orchestrator's decision is never executed.
 */
public record Decision(ProposalId proposalId, Outcome outcome, Tally tally, List<VoteRecord> votes, Proposal terms, String reason, String text,
                       long fencingToken) implements Payload {
    public Decision {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tally, "tally");
        votes = List.copyOf(Objects.requireNonNull(votes, "votes"));
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(reason, "reason");
        Payload.requireText(text);
        if (!terms.id().equals(proposalId)) throw new IllegalArgumentException("terms: belong to proposal " + terms.id() + ", not " + proposalId);
        if (fencingToken < -1) throw new IllegalArgumentException("fencingToken: must be -1 or more, was " + fencingToken);
    }

    /** A decision of a desk that is the only orchestrator of its sessions (token 0). */
    public Decision(ProposalId proposalId, Outcome outcome, Tally tally, List<VoteRecord> votes, Proposal terms, String reason, String text) {
        this(proposalId, outcome, tally, votes, terms, reason, text, 0);
    }

    /** The same decision, made under the lease grant {@code token}. */
    public Decision fencedBy(long token) {
        return new Decision(proposalId, outcome, tally, votes, terms, reason, text, token);
    }
}
