package io.quorum.engine.decision;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.SessionId;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which decisions to list, and in which order. Every filter is optional (null, or no outcomes:
 * any); {@code from} is inclusive and {@code to} exclusive, compared with the time the decision
 * was journaled. Built from {@link #any()} with the {@code with...} methods.
 */
public record DecisionQuery(SessionId session, Ticker ticker, Set<Outcome> outcomes, Instant from, Instant to, Order order) {
    public DecisionQuery {
        Objects.requireNonNull(outcomes, "outcomes");
        outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
        Objects.requireNonNull(order, "order");
        if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("to: must be after from (" + from + "), was " + to);
    }

    /** Every decision of every session, oldest first. */
    public static DecisionQuery any() { return new DecisionQuery(null, null, Set.of(), null, null, Order.OLDEST_FIRST); }

    public DecisionQuery withSession(SessionId newSession) { return new DecisionQuery(newSession, ticker, outcomes, from, to, order); }

    public DecisionQuery withTicker(Ticker newTicker) { return new DecisionQuery(session, newTicker, outcomes, from, to, order); }

    public DecisionQuery withOutcomes(Set<Outcome> newOutcomes) { return new DecisionQuery(session, ticker, newOutcomes, from, to, order); }

    public DecisionQuery withOutcomes(Outcome first, Outcome... rest) { return withOutcomes(EnumSet.of(first, rest)); }

    /** Decisions journaled at or after {@code newFrom} and before {@code newTo}; either may be null. */
    public DecisionQuery withTimeRange(Instant newFrom, Instant newTo) { return new DecisionQuery(session, ticker, outcomes, newFrom, newTo, order); }

    public DecisionQuery withOrder(Order newOrder) { return new DecisionQuery(session, ticker, outcomes, from, to, newOrder); }

    public boolean matches(DecisionRecord record) {
        return (session == null || session.equals(record.session()))
                && (ticker == null || ticker.equals(record.ticker()))
                && (outcomes.isEmpty() || outcomes.contains(record.outcome()))
                && (from == null || !record.time().isBefore(from))
                && (to == null || record.time().isBefore(to));
    }

    /** By journal time; decisions journaled at the same instant keep the session's and then the journal's order. */
    public enum Order {
        OLDEST_FIRST,
        NEWEST_FIRST;

        private static final Comparator<DecisionRecord> CHRONOLOGICAL = Comparator.comparing(DecisionRecord::time)
                .thenComparing(record -> record.session().value())
                .thenComparingLong(DecisionRecord::journalSeq);

        Comparator<DecisionRecord> comparator() { return this == OLDEST_FIRST ? CHRONOLOGICAL : CHRONOLOGICAL.reversed(); }
    }
}
