package io.quorum.engine.decision;

import io.quorum.engine.consensus.DecisionRule;
import io.quorum.engine.consensus.Ruling;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.reasoning.VoteAnswer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a journaled proposal again, from what the journal recorded: the proposal and its
 * proposer, the votes the decision counted, and for each vote a model gave, the model's raw answer,
 * read again as today's code reads it. Today's {@link DecisionRule} then decides. The outcome, the
 * tally and the terms come out the same unless something changed since: a rule, the way an answer
 * is read, or a prompt (the version a model was asked with against today's). Each change is a
 * difference, in a sentence.
 *
 * <p>A vote by the rules is taken as it was recorded: the journal keeps what each agent said, not
 * the whole of what it saw. A recorded model answer that today's reading refuses is a difference,
 * and the recorded vote stands in the replay.
 */
public final class DecisionReplay {
    /** How today's code reads a model's recorded answer: the vote, or empty when it would refuse it. */
    @FunctionalInterface
    public interface AnswerReading {
        Optional<VoteAnswer> read(ReasonerCalled call);
    }

    /** What the replay found: the recorded decision, the outcome, tally and terms today's code gives, and how they differ. */
    public record Replayed(Decision recorded, Outcome outcome, Tally tally, Proposal terms, List<String> differences) {
        public Replayed {
            Objects.requireNonNull(recorded, "recorded");
            differences = List.copyOf(differences);
        }

        public boolean same() { return differences.isEmpty(); }
    }

    private final AnswerReading reading;
    private final Map<AgentRole, String> promptVersions;

    /** @param promptVersions today's prompt version of each role a model may speak for ({@code risk.v1+answer.v1}) */
    public DecisionReplay(AnswerReading reading, Map<AgentRole, String> promptVersions) {
        this.reading = Objects.requireNonNull(reading, "reading");
        this.promptVersions = Map.copyOf(promptVersions);
    }

    /** The decision of {@code proposalId} in one session's {@code entries} (in seq order), decided again; empty when they hold no such decision. */
    public Optional<Replayed> replay(List<JournalEntry> entries, ProposalId proposalId) {
        Proposal proposal = null;
        AgentRole proposer = null;
        Decision recorded = null;
        Map<AgentRole, ReasonerCalled> calls = new EnumMap<>(AgentRole.class);
        for (JournalEntry entry : entries) {
            if (entry.event() instanceof ReasonerCalled call && call.isAbout(proposalId)) calls.put(call.role(), call);
            if (!(entry.event() instanceof MessageJournaled journaled)) continue;
            AgentMessage message = journaled.message();
            if (message.content() instanceof Proposal p && p.id().equals(proposalId) && proposal == null) {
                proposal = p;
                proposer = message.sender();
            }
            if (message.content() instanceof Decision d && d.proposalId().equals(proposalId) && recorded == null) recorded = d;
        }
        if (proposal == null || recorded == null) return Optional.empty();
        return Optional.of(decideAgain(proposal, proposer, recorded, calls));
    }

    private Replayed decideAgain(Proposal proposal, AgentRole proposer, Decision recorded, Map<AgentRole, ReasonerCalled> calls) {
        List<String> differences = new ArrayList<>();
        Map<AgentRole, Vote> votes = new EnumMap<>(AgentRole.class);
        // A decision without every vote came at the deadline (or on a veto, which the rule decides first).
        boolean deadlinePassed = recorded.outcome() == Outcome.TIMED_OUT;
        for (VoteRecord counted : recorded.votes()) {
            if (counted.voter() == proposer) continue;
            if (!counted.received()) {
                deadlinePassed = true;
                continue;
            }
            Vote vote = new Vote(proposal.id(), counted.choice(), counted.reason(), counted.modification(), counted.choice().name() + " — " + counted.reason());
            ReasonerCalled call = calls.get(counted.voter());
            if (call != null) vote = asReadToday(call, vote, differences);
            votes.put(counted.voter(), vote);
        }
        Ruling ruling = new DecisionRule(recorded.tally().quorum()).rule(proposal, proposer, votes, deadlinePassed);
        if (!(ruling instanceof Ruling.Decided decided)) {
            differences.add("today's rule leaves it undecided with these votes (" + describe(ruling.tally()) + "); the desk decided " + recorded.outcome());
            return new Replayed(recorded, null, ruling.tally(), null, differences);
        }
        if (decided.outcome() != recorded.outcome()) differences.add("outcome: " + recorded.outcome() + " then, " + decided.outcome() + " now");
        if (!decided.tally().equals(recorded.tally())) differences.add("tally: " + describe(recorded.tally()) + " then, " + describe(decided.tally()) + " now");
        Proposal terms = decided.amendment().terms();
        if (!sameTerms(terms, recorded.terms())) differences.add("terms: " + termsOf(recorded.terms()) + " then, " + termsOf(terms) + " now");
        return new Replayed(recorded, decided.outcome(), decided.tally(), decided.amendment().terms(), differences);
    }

    /** The vote the model's recorded answer gives when read today, noting each way it differs from what was counted. */
    private Vote asReadToday(ReasonerCalled call, Vote counted, List<String> differences) {
        String role = call.role().displayName();
        String today = promptVersions.get(call.role());
        if (today != null && !today.equals(call.promptVersion())) {
            differences.add(role + ": asked with prompt " + call.promptVersion() + "; today's prompt is " + today + ", so the model would be asked another question");
        }
        if (call.outcome().isFallback()) return counted;
        Optional<VoteAnswer> read = reading.read(call);
        if (read.isEmpty()) {
            differences.add(role + ": today's reading refuses the model's recorded answer, so its rules would vote instead (the recorded vote stands here)");
            return counted;
        }
        VoteAnswer answer = read.get();
        if (answer.choice() != counted.choice() || !Objects.equals(answer.modification(), counted.modification())) {
            differences.add(role + ": the model's recorded answer reads " + answer.choice() + " today, " + counted.choice() + " was counted");
        }
        return new Vote(counted.proposalId(), answer.choice(), counted.reason(), answer.modification(), counted.text());
    }

    /** The terms that trade: the words around them may be written differently. */
    private static boolean sameTerms(Proposal a, Proposal b) {
        return a.action() == b.action() && a.size().equals(b.size()) && a.entry().equals(b.entry()) && Objects.equals(a.stop(), b.stop())
                && Objects.equals(a.target(), b.target()) && Objects.equals(a.trailingStopPct(), b.trailingStopPct());
    }

    private static String termsOf(Proposal p) {
        return p.action() + " " + p.size() + " at " + p.entry() + ", stop " + p.stop() + ", target " + p.target();
    }

    /** "4 approve, 0 reject, 1 abstain". */
    public static String describe(Tally tally) {
        return tally.approvals() + " approve, " + tally.rejections() + " reject, " + tally.abstentions() + " abstain" + (tally.vetoed() ? ", vetoed" : "");
    }
}
