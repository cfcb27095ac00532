package io.quorum.engine.consensus;

import io.quorum.engine.message.Proposal;
import java.util.List;
import java.util.Objects;

/**
 * The terms to execute after a Risk modification, with what was {@code accepted} (e.g.
 * {@code "size 20% of position -> 15% of position"}) and what was {@code kept} as proposed and why.
 */
public record Amendment(Proposal terms, List<String> accepted, List<String> kept) {
    public Amendment {
        Objects.requireNonNull(terms, "terms");
        accepted = List.copyOf(accepted);
        kept = List.copyOf(kept);
    }

    public static Amendment none(Proposal proposal) { return new Amendment(proposal, List.of(), List.of()); }

    /** True when at least one term differs from the proposal. */
    public boolean changesTerms() { return !accepted.isEmpty(); }
}
