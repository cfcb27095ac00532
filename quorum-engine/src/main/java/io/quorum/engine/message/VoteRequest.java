package io.quorum.engine.message;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The orchestrator asks {@code voters} for their votes on a proposal put to the vote. It carries the
 * terms, so a voter needs nothing else to judge, even one that joined after the PROPOSAL went by (a
 * remote agent, say). A voter answers with a {@link Vote} whenever it is ready; {@code deadline} is
 * for its information only: the orchestrator alone enforces it, and a later vote never counts.
 *
 * @param deadline when the round closes, on the orchestrator's deadline clock (the user's wall clock
 *                 on a live desk), not on the market clock of the message's timestamp
 */
public record VoteRequest(ProposalId proposalId, Proposal terms, Set<AgentRole> voters, Instant deadline, String text) implements Payload {
    public VoteRequest {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(terms, "terms");
        if (!terms.id().equals(proposalId)) throw new IllegalArgumentException("terms: belong to proposal " + terms.id() + ", not " + proposalId);
        if (voters == null || voters.isEmpty()) throw new IllegalArgumentException("voters: at least one voter is asked");
        voters = Collections.unmodifiableSet(EnumSet.copyOf(voters));
        if (voters.contains(AgentRole.ORCHESTRATOR)) throw new IllegalArgumentException("voters: the orchestrator does not vote");
        Objects.requireNonNull(deadline, "deadline");
        Payload.requireText(text);
    }

    /** Whether {@code role} is asked to vote. */
    public boolean asks(AgentRole role) { return voters.contains(role); }
}
