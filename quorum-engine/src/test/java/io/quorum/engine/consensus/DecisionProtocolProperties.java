package io.quorum.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random rounds: a random proposer, quorum, and votes from random agents at random seconds (some
 * repeated, some after the 30 s deadline), with the timer firing at random moments. The orchestrator
 * must always reach the decision that {@link #oracle} computes from the first in-time vote of each agent.
 */
class DecisionProtocolProperties {
    private static final int TIMEOUT_SECONDS = 30;

    /** {@code timerFiresAfter}: the round's timer calls expireDue right after this vote. */
    record CastVote(AgentRole voter, VoteChoice choice, int second, Modification modification, boolean timerFiresAfter) {}

    record Round(AgentRole proposer, int quorum, List<CastVote> votes) {}

    record Verdict(Outcome outcome, int approvals, Size size, Price stop, Price target) {}

    @Property
    void the_decision_is_always_the_one_the_rule_gives(@ForAll("rounds") Round round) {
        Outcome outcome = run(round).outcome();
        Statistics.collect(outcome);
        assertThat(outcome).isEqualTo(oracle(round));
    }

    @Property
    void never_approved_with_fewer_approvals_than_the_quorum(@ForAll("rounds") Round round) {
        Verdict verdict = run(round);

        if (verdict.outcome().approves()) assertThat(verdict.approvals()).isGreaterThanOrEqualTo(round.quorum());
    }

    @Property
    void a_risk_veto_in_time_always_wins(@ForAll("rounds") Round round) {
        CastVote risk = firstInTimeVotes(round).get(AgentRole.RISK);

        if (risk != null && risk.choice() == VoteChoice.VETO) assertThat(run(round).outcome()).isEqualTo(Outcome.VETOED);
    }

    @Property
    void a_round_that_runs_out_of_time_without_a_quorum_never_trades(@ForAll("rounds") Round round) {
        Map<AgentRole, CastVote> inTime = firstInTimeVotes(round);
        boolean someoneSilent = inTime.size() + 1 < AgentRole.VOTERS.size();

        if (someoneSilent && approvals(round, inTime) < round.quorum()) {
            assertThat(run(round).outcome()).isIn(Outcome.TIMED_OUT, Outcome.VETOED);
        }
    }

    @Property
    void duplicate_votes_never_change_the_outcome(@ForAll("rounds") Round round) {
        List<CastVote> withDuplicates = new ArrayList<>();
        for (CastVote vote : round.votes()) {
            withDuplicates.add(vote);
            VoteChoice other = vote.choice() == VoteChoice.APPROVE ? (vote.voter() == AgentRole.RISK ? VoteChoice.VETO : VoteChoice.REJECT) : VoteChoice.APPROVE;
            withDuplicates.add(new CastVote(vote.voter(), other, vote.second(), null, vote.timerFiresAfter()));
        }

        assertThat(run(new Round(round.proposer(), round.quorum(), withDuplicates))).isEqualTo(run(round));
    }

    @Provide
    Arbitrary<Round> rounds() {
        Arbitrary<AgentRole> voters = Arbitraries.of(AgentRole.VOTERS);
        Arbitrary<Modification> modifications = Combinators.combine(
                Arbitraries.integers().between(1, 200).injectNull(0.4),
                Arbitraries.integers().between(90, 105).injectNull(0.4),
                Arbitraries.integers().between(95, 120).injectNull(0.4))
                .as((shares, stop, target) -> new Modification(
                        shares == null && stop == null && target == null ? Size.shares(50) : shares == null ? null : Size.shares(shares),
                        stop == null ? null : Price.parse(stop.toString()),
                        target == null ? null : Price.parse(target.toString())));
        Arbitrary<CastVote> votes = Combinators.combine(voters, Arbitraries.of(VoteChoice.values()), Arbitraries.integers().between(0, 40),
                        modifications.injectNull(0.5), Arbitraries.of(true, false))
                .as((voter, choice, second, modification, tick) ->
                        new CastVote(voter, choice == VoteChoice.VETO && voter != AgentRole.RISK ? VoteChoice.REJECT : choice, second, modification, tick));
        return Combinators.combine(voters, Arbitraries.integers().between(1, 5), votes.list().ofMaxSize(15))
                .as((proposer, quorum, cast) -> new Round(proposer, quorum, cast.stream().sorted(Comparator.comparingInt(CastVote::second)).toList()));
    }

    /** Drives a real orchestrator through the round's votes and returns its single decision. */
    private static Verdict run(Round round) {
        ManualClock clock = new ManualClock(Desk.OPENING_BELL);
        RecordingMessageBus bus = new RecordingMessageBus();
        ConsensusOrchestrator orchestrator = new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock,
                new VotingRules(round.quorum(), Duration.ofSeconds(TIMEOUT_SECONDS)), () -> true);
        Proposal proposal = Desk.openLong("AAPL");
        orchestrator.open(Desk.proposed(round.proposer(), proposal, clock.now()));
        for (CastVote vote : round.votes()) {
            clock.set(Desk.OPENING_BELL.plusSeconds(vote.second()));
            orchestrator.record(Desk.vote(vote.voter(), proposal, vote.choice(), vote.modification(), clock.now()));
            if (vote.timerFiresAfter()) orchestrator.expireDue();
        }
        clock.set(Desk.OPENING_BELL.plusSeconds(TIMEOUT_SECONDS + 45));
        orchestrator.expireDue();
        assertThat(bus.decisions()).hasSize(1);
        Decision decision = bus.decisions().get(0);
        return new Verdict(decision.outcome(), decision.tally().approvals(), decision.terms().size(), decision.terms().stop(), decision.terms().target());
    }

    /** The protocol restated from scratch: first in-time vote per agent, proposer approves, veto first, then quorum. */
    private static Outcome oracle(Round round) {
        Map<AgentRole, CastVote> inTime = firstInTimeVotes(round);
        boolean everyoneAnswered = inTime.size() + 1 == AgentRole.VOTERS.size();
        boolean vetoed = inTime.values().stream().anyMatch(v -> v.choice() == VoteChoice.VETO);
        boolean quorum = approvals(round, inTime) >= round.quorum();
        if (vetoed) return Outcome.VETOED;
        if (!quorum) return everyoneAnswered ? Outcome.REJECTED : Outcome.TIMED_OUT;
        CastVote risk = inTime.get(AgentRole.RISK);
        boolean riskTightens = risk != null && risk.choice() == VoteChoice.APPROVE && risk.modification() != null && tightens(risk.modification());
        return riskTightens ? Outcome.APPROVED_MODIFIED : Outcome.APPROVED;
    }

    /** Against the fixed proposal: 100 shares long at 100, stop 95, target 110. */
    private static boolean tightens(Modification m) {
        boolean smaller = m.size() != null && m.size().amount().intValue() < 100;
        boolean higherStopBelowEntry = m.stop() != null && m.stop().micros() > 95_000_000L && m.stop().micros() < 100_000_000L;
        boolean lowerTargetAboveEntry = m.target() != null && m.target().micros() < 110_000_000L && m.target().micros() > 100_000_000L;
        return smaller || higherStopBelowEntry || lowerTargetAboveEntry;
    }

    private static Map<AgentRole, CastVote> firstInTimeVotes(Round round) {
        Map<AgentRole, CastVote> first = new EnumMap<>(AgentRole.class);
        for (CastVote vote : round.votes()) {
            if (vote.second() < TIMEOUT_SECONDS && vote.voter() != round.proposer()) first.putIfAbsent(vote.voter(), vote);
        }
        return first;
    }

    private static int approvals(Round round, Map<AgentRole, CastVote> inTime) {
        return 1 + (int) inTime.values().stream().filter(v -> v.choice() == VoteChoice.APPROVE).count();
    }
}
