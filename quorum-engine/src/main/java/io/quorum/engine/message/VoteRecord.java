package io.quorum.engine.message;

import java.util.Objects;

/** A vote as counted in a decision. A voter who never answered appears as ABSTAIN with {@code counted=false}. */
public record VoteRecord(AgentRole voter, VoteChoice choice, String reason, Modification modification, boolean received) {
    public VoteRecord {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(reason, "reason");
    }
}
