package io.quorum.engine.consensus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import java.util.Objects;

/** What happened to a vote handed to {@link ConsensusOrchestrator#record}. */
public sealed interface VoteReceipt {
    ProposalId proposalId();

    AgentRole voter();

    /** Counted; the round is still open. */
    record Counted(ProposalId proposalId, AgentRole voter) implements VoteReceipt {}

    /** Counted, and it settled the round: {@code decision} is the DECISION message as published. */
    record Decisive(ProposalId proposalId, AgentRole voter, AgentMessage decision) implements VoteReceipt {
        public Decisive {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** Not counted, and the tally is unchanged. */
    record Ignored(ProposalId proposalId, AgentRole voter, Reason reason) implements VoteReceipt {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Reason {
        DUPLICATE("this agent already voted on the proposal; its first vote stands"),
        AFTER_DECISION("the proposal was already decided"),
        AFTER_DEADLINE("the vote came after the deadline; the round timed out"),
        UNKNOWN_PROPOSAL("no such proposal is open for voting"),
        NOT_A_VOTER("only the five voting agents vote");

        private final String sentence;

        Reason(String sentence) { this.sentence = sentence; }

        public String sentence() { return sentence; }
    }
}
