package io.quorum.engine.consensus;

import io.quorum.engine.message.ProposalId;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer to {@link ConsensusOrchestrator#open}: voting has started, a counter-proposal joined
 * the round it answers, or the proposal is refused and why.
 */
public sealed interface Opening {

    record Opened(ProposalId proposalId, Instant deadline) implements Opening {
        public Opened {
            Objects.requireNonNull(proposalId, "proposalId");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /** A counter-proposal put to the vote beside {@code counters}, in the same round, with the same deadline. */
    record Countered(ProposalId proposalId, ProposalId counters, Instant deadline) implements Opening {
        public Countered {
            Objects.requireNonNull(proposalId, "proposalId");
            Objects.requireNonNull(counters, "counters");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    record Refused(ProposalId proposalId, Reason reason, String detail) implements Opening {
        public Refused {
            Objects.requireNonNull(proposalId, "proposalId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Reason {
        NOT_ACCEPTING_PROPOSALS("the session is not trading: auto-trading is off or the session is not in AUTO_TRADING"),
        TICKER_BUSY("another proposal for this ticker is still being voted on"),
        ALREADY_OPENED("this proposal was already put to the vote"),
        PROPOSER_NOT_A_VOTER("only the five voting agents may propose a trade"),
        OWN_PROPOSAL("a proposer does not counter its own proposal"),
        ALREADY_COUNTERED("the proposal under vote already has a counter-proposal: one per round");

        private final String sentence;

        Reason(String sentence) { this.sentence = sentence; }

        public String sentence() { return sentence; }
    }
}
