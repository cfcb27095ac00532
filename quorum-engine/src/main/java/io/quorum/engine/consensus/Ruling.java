package io.quorum.engine.consensus;

import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.VoteRecord;
import java.util.List;
import java.util.Objects;

/** What {@link DecisionRule} says about a round: not yet certain, or decided. */
public sealed interface Ruling {
    Tally tally();

    /** Every voter in role order; a voter who has not answered appears as ABSTAIN, not received. */
    List<VoteRecord> votes();

    record Undecided(Tally tally, List<VoteRecord> votes) implements Ruling {
        public Undecided {
            Objects.requireNonNull(tally, "tally");
            votes = List.copyOf(votes);
        }
    }

    /** {@code amendment.terms()} are the terms to execute; they differ from the proposal only for APPROVED_MODIFIED. */
    record Decided(Outcome outcome, Tally tally, List<VoteRecord> votes, Amendment amendment) implements Ruling {
        public Decided {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(tally, "tally");
            votes = List.copyOf(votes);
            Objects.requireNonNull(amendment, "amendment");
            if (outcome == Outcome.APPROVED_MODIFIED != amendment.changesTerms()) {
                throw new IllegalArgumentException("amendment: APPROVED_MODIFIED exactly when the terms change");
            }
        }
    }
}
