package io.quorum.engine.decision;

import io.quorum.engine.consensus.Amendment;
import io.quorum.engine.consensus.DecisionRule;
import io.quorum.engine.consensus.Ruling;
import io.quorum.engine.consensus.Support;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.VoteSeen;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.reasoning.VoteAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a journaled proposal again, from what the journal recorded: the proposal and its
 * proposer, the votes the decision counted, for each vote a model gave the model's raw answer, read
 * again as today's code reads it, and for each vote the rules gave the desk the voter saw
 * ({@link VoteSeen}), on which today's rules of that role are asked again. Today's
 * {@link DecisionRule} then decides. The outcome, the tally and the terms come out the same unless
 * something changed since: a role's rule, the decision rule, the way an answer is read, or a prompt
 * (the version a model was asked with against today's). Each change is a difference, in a sentence.
 *
 * <p>A motion of a round with a counter-proposal is decided beside the other, as the orchestrator
 * decides them ({@link Support}): one that passes on its own but was less well supported is REJECTED.
 *
 * <p>A recorded model answer that today's reading refuses is a difference, and the recorded vote
 * stands in the replay; so does a rules vote whose rules now ask for something the vote never
 * looked at, and one journaled before votes recorded what they saw.
 */
public final class DecisionReplay {
    /** How today's code reads a model's recorded answer: the vote, or empty when it would refuse it. */
    @FunctionalInterface
    public interface AnswerReading {
        Optional<VoteAnswer> read(ReasonerCalled call);
    }

    /** How today's rules of a role vote on a proposal, on the desk a journaled vote saw. */
    @FunctionalInterface
    public interface RulesReading {
        Verdict vote(SessionId session, Proposal proposal, VoteSeen seen);
    }

    /** A rules vote asked again: its choice, reason and modification, or why the rules could not be asked ({@code problem}). */
    public record Verdict(VoteChoice choice, String reason, Modification modification, String problem) {
        public static Verdict of(VoteChoice choice, String reason, Modification modification) {
            return new Verdict(Objects.requireNonNull(choice, "choice"), reason, modification, null);
        }

        public static Verdict unanswerable(String problem) { return new Verdict(null, null, null, Objects.requireNonNull(problem, "problem")); }
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
    private final RulesReading rules;

    /**
     * @param promptVersions today's prompt version of each role a model may speak for ({@code risk.v1+answer.v1})
     * @param rules          today's rules of each role, asked on the desk a vote saw
     */
    public DecisionReplay(AnswerReading reading, Map<AgentRole, String> promptVersions, RulesReading rules) {
        this.reading = Objects.requireNonNull(reading, "reading");
        this.promptVersions = Map.copyOf(promptVersions);
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The decision of {@code proposalId} in one session's {@code entries} (in seq order), decided again; empty when they hold no such decision. */
    public Optional<Replayed> replay(List<JournalEntry> entries, ProposalId proposalId) {
        Optional<Motion> found = Motion.find(entries, proposalId);
        if (found.isEmpty()) return Optional.empty();
        Motion motion = found.get();
        List<String> differences = new ArrayList<>();
        Ruling ruling = ruleAgain(motion, differences);
        Optional<Motion> partner = motion.partner(entries);
        if (ruling instanceof Ruling.Decided decided && partner.isPresent()) ruling = besideItsPartner(motion, decided, partner.get());
        return Optional.of(compare(motion.recorded(), ruling, differences));
    }

    /**
     * One journaled motion: the proposal, who made it and in which message, the decision recorded, the
     * calls made and the desks seen for its votes, and the deadline its votes were asked for (the
     * round's: a counter-proposal shares its original's).
     */
    private record Motion(SessionId session, AgentMessage message, Proposal proposal, Decision recorded, Map<AgentRole, ReasonerCalled> calls,
                          Map<AgentRole, VoteSeen> seen, Instant deadline) {
        static Optional<Motion> find(List<JournalEntry> entries, ProposalId proposalId) {
            AgentMessage message = null;
            Decision recorded = null;
            Instant deadline = null;
            Map<AgentRole, ReasonerCalled> calls = new EnumMap<>(AgentRole.class);
            Map<AgentRole, VoteSeen> seen = new EnumMap<>(AgentRole.class);
            SessionId session = null;
            for (JournalEntry entry : entries) {
                session = entry.session();
                if (entry.event() instanceof ReasonerCalled call && call.isAbout(proposalId)) calls.put(call.role(), call);
                if (entry.event() instanceof VoteSeen vote && vote.proposalId().equals(proposalId)) seen.putIfAbsent(vote.role(), vote);
                if (!(entry.event() instanceof MessageJournaled journaled)) continue;
                AgentMessage said = journaled.message();
                if (message == null && said.content() instanceof Proposal p && p.id().equals(proposalId)) message = said;
                if (recorded == null && said.content() instanceof Decision d && d.proposalId().equals(proposalId)) recorded = d;
                if (deadline == null && said.content() instanceof VoteRequest r && r.proposalId().equals(proposalId)) deadline = r.deadline();
            }
            if (message == null || recorded == null) return Optional.empty();
            return Optional.of(new Motion(session, message, (Proposal) message.content(), recorded, calls, seen, deadline));
        }

        AgentRole proposer() { return message.sender(); }

        /** The other motion of this one's round, when it had one: its counter-proposal, or the proposal it counters, voted on by the same deadline. */
        Optional<Motion> partner(List<JournalEntry> entries) {
            if (deadline == null) return Optional.empty();
            for (JournalEntry entry : entries) {
                if (!(entry.event() instanceof MessageJournaled journaled) || !(journaled.message().content() instanceof Proposal other)) continue;
                AgentMessage said = journaled.message();
                boolean counters = message.id().equals(said.replyTo()) || said.id().equals(message.replyTo());
                if (!counters || other.id().equals(proposal.id())) continue;
                Optional<Motion> partner = find(entries, other.id());
                if (partner.isPresent() && deadline.equals(partner.get().deadline())) return partner;
            }
            return Optional.empty();
        }

        boolean counters(Motion other) { return other.message.id().equals(message.replyTo()); }
    }

    /** The motion as today's rule decides it on its own, from its votes read again. */
    private Ruling ruleAgain(Motion motion, List<String> differences) {
        Proposal proposal = motion.proposal();
        Decision recorded = motion.recorded();
        Map<AgentRole, Vote> votes = new EnumMap<>(AgentRole.class);
        // A decision without every vote came at the deadline (or on a veto, which the rule decides first).
        boolean deadlinePassed = recorded.outcome() == Outcome.TIMED_OUT;
        for (VoteRecord counted : recorded.votes()) {
            if (counted.voter() == motion.proposer()) continue;
            if (!counted.received()) {
                deadlinePassed = true;
                continue;
            }
            Vote vote = new Vote(proposal.id(), counted.choice(), counted.reason(), counted.modification(), counted.choice().name() + " — " + counted.reason());
            ReasonerCalled call = motion.calls().get(counted.voter());
            if (call != null) vote = asReadToday(call, vote, differences);
            if ((call == null || call.outcome().isFallback()) && motion.seen().containsKey(counted.voter())) {
                vote = byTodaysRules(motion.session(), proposal, motion.seen().get(counted.voter()), vote, differences);
            }
            votes.put(counted.voter(), vote);
        }
        return new DecisionRule(recorded.tally().quorum()).rule(proposal, motion.proposer(), votes, deadlinePassed);
    }

    /** A motion that passes on its own is set aside (REJECTED) when its round's other motion was better supported, as the orchestrator does. */
    private Ruling.Decided besideItsPartner(Motion motion, Ruling.Decided decided, Motion partner) {
        if (!(ruleAgain(partner, new ArrayList<>()) instanceof Ruling.Decided other)) return decided;
        boolean isCounter = motion.counters(partner);
        Support.Carried carried = isCounter ? Support.carried(other, decided) : Support.carried(decided, other);
        boolean carries = carried == (isCounter ? Support.Carried.COUNTER : Support.Carried.ORIGINAL);
        if (!decided.outcome().approves() || carries) return decided;
        return new Ruling.Decided(Outcome.REJECTED, decided.tally(), decided.votes(), Amendment.none(motion.proposal()));
    }

    /** The replay against the decision recorded, with each way they differ. */
    private static Replayed compare(Decision recorded, Ruling ruling, List<String> differences) {
        if (!(ruling instanceof Ruling.Decided decided)) {
            differences.add("today's rule leaves it undecided with these votes (" + describe(ruling.tally()) + "); the desk decided " + recorded.outcome());
            return new Replayed(recorded, null, ruling.tally(), null, differences);
        }
        if (decided.outcome() != recorded.outcome()) differences.add("outcome: " + recorded.outcome() + " then, " + decided.outcome() + " now");
        if (!decided.tally().equals(recorded.tally())) differences.add("tally: " + describe(recorded.tally()) + " then, " + describe(decided.tally()) + " now");
        Proposal terms = decided.amendment().terms();
        if (!sameTerms(terms, recorded.terms())) differences.add("terms: " + termsOf(recorded.terms()) + " then, " + termsOf(terms) + " now");
        return new Replayed(recorded, decided.outcome(), decided.tally(), terms, differences);
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

    /** The vote today's rules of the voter give on the desk its vote saw, noting each way it differs from what was counted. */
    private Vote byTodaysRules(SessionId session, Proposal proposal, VoteSeen seen, Vote counted, List<String> differences) {
        String role = seen.role().displayName();
        Verdict verdict = rules.vote(session, proposal, seen);
        if (verdict.problem() != null) {
            differences.add(role + ": " + verdict.problem() + ", so its rules cannot be asked again on the desk it saw (the recorded vote stands here)");
            return counted;
        }
        if (verdict.choice() != counted.choice() || !Objects.equals(verdict.modification(), counted.modification())) {
            differences.add(role + ": its rules vote " + describe(verdict.choice(), verdict.modification()) + " today on the desk it saw, "
                    + describe(counted.choice(), counted.modification()) + " was counted (" + verdict.reason() + ")");
        }
        return new Vote(counted.proposalId(), verdict.choice(), verdict.reason(), verdict.modification(), counted.text());
    }

    /** "APPROVE", or "APPROVE with size 30 shares, stop 96.00". */
    private static String describe(VoteChoice choice, Modification modification) {
        if (modification == null) return choice.name();
        List<String> terms = new ArrayList<>();
        if (modification.size() != null) terms.add("size " + modification.size());
        if (modification.stop() != null) terms.add("stop " + modification.stop());
        if (modification.target() != null) terms.add("target " + modification.target());
        return choice + " with " + String.join(", ", terms);
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
