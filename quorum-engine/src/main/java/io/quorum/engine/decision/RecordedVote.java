package io.quorum.engine.decision;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import java.util.Objects;

/**
 * One voter's part in a decision: the vote as the decision counted it, and what the voter said.
 * {@code text} is the voter's VOTE message as people read it; null when there was none, as for the
 * proposer (whose approval is implied) or a voter who never answered.
 */
public record RecordedVote(AgentRole voter, VoteChoice choice, String reason, Modification modification, boolean received, String text) {
    public RecordedVote {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(reason, "reason");
    }

    static RecordedVote of(VoteRecord counted, String text) {
        return new RecordedVote(counted.voter(), counted.choice(), counted.reason(), counted.modification(), counted.received(), text);
    }
}
