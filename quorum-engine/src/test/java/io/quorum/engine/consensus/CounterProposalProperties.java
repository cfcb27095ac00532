package io.quorum.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random rounds with a counter-proposal: random proposer and counterer, quorum, and votes on either
 * motion at random seconds (some after the deadline). Each motion is also run alone, as a round of
 * its own, and the round with both must agree with what those lone rounds say.
 */
class CounterProposalProperties {
    private static final int TIMEOUT_SECONDS = 30;

    record CastVote(boolean onCounter, AgentRole voter, VoteChoice choice, int second) {}

    record Round(AgentRole proposer, AgentRole counterer, int quorum, List<CastVote> votes) {}

    @Property
    void at_most_one_motion_is_ever_approved(@ForAll("rounds") Round round) {
        List<Decision> decisions = run(round, true, true);

        Statistics.collect(decisions.get(0).outcome(), decisions.get(1).outcome());
        assertThat(decisions.stream().filter(decision -> decision.outcome().approves())).hasSizeLessThanOrEqualTo(1);
    }

    @Property
    void a_motion_that_would_not_pass_alone_ends_as_it_would_alone(@ForAll("rounds") Round round) {
        List<Decision> both = run(round, true, true);
        Decision originalAlone = run(round, true, false).getFirst();
        Decision counterAlone = run(round, false, true).getFirst();

        if (!originalAlone.outcome().approves()) assertThat(both.get(0).outcome()).isEqualTo(originalAlone.outcome());
        if (!counterAlone.outcome().approves()) assertThat(both.get(1).outcome()).isEqualTo(counterAlone.outcome());
    }

    @Property
    void the_motion_carried_is_the_better_supported_of_those_that_pass_and_the_original_on_a_tie(@ForAll("rounds") Round round) {
        List<Decision> both = run(round, true, true);
        Decision originalAlone = run(round, true, false).getFirst();
        Decision counterAlone = run(round, false, true).getFirst();
        if (!originalAlone.outcome().approves() || !counterAlone.outcome().approves()) {
            assertThat(both.get(0).outcome().approves()).isEqualTo(originalAlone.outcome().approves());
            assertThat(both.get(1).outcome().approves()).isEqualTo(counterAlone.outcome().approves());
            return;
        }
        int approvalsGap = counterAlone.tally().approvals() - originalAlone.tally().approvals();
        int rejectionsGap = originalAlone.tally().rejections() - counterAlone.tally().rejections();
        boolean counterCarries = approvalsGap > 0 || approvalsGap == 0 && rejectionsGap > 0;
        assertThat(both.get(1).outcome().approves()).isEqualTo(counterCarries);
        assertThat(both.get(0).outcome().approves()).isEqualTo(!counterCarries);
        assertThat(both.get(counterCarries ? 0 : 1).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Provide
    Arbitrary<Round> rounds() {
        Arbitrary<AgentRole> voters = Arbitraries.of(AgentRole.VOTERS);
        Arbitrary<CastVote> votes = Combinators.combine(Arbitraries.of(true, false), voters, Arbitraries.of(VoteChoice.values()), Arbitraries.integers().between(0, 40))
                .as((onCounter, voter, choice, second) ->
                        new CastVote(onCounter, voter, choice == VoteChoice.VETO && voter != AgentRole.RISK ? VoteChoice.REJECT : choice, second));
        return Combinators.combine(voters, voters, Arbitraries.integers().between(1, 5), votes.list().ofMaxSize(16))
                .filter((proposer, counterer, quorum, cast) -> proposer != counterer)
                .as((proposer, counterer, quorum, cast) -> new Round(proposer, counterer, quorum,
                        cast.stream().sorted(Comparator.comparingInt(CastVote::second)).toList()));
    }

    /**
     * Drives a real orchestrator through the round: the original and its counter both, or either
     * alone as a round of its own. Returns the decisions, the original's first.
     */
    private static List<Decision> run(Round round, boolean withOriginal, boolean withCounter) {
        ManualClock clock = new ManualClock(Desk.OPENING_BELL);
        RecordingMessageBus bus = new RecordingMessageBus();
        ConsensusOrchestrator orchestrator = new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock,
                new VotingRules(round.quorum(), Duration.ofSeconds(TIMEOUT_SECONDS)), () -> true);
        Proposal original = Desk.reduceAapl("50");
        Proposal counter = Desk.reduceAapl("25");
        var proposed = Desk.proposed(round.proposer(), original, clock.now());
        if (withOriginal) orchestrator.open(proposed);
        if (withCounter) orchestrator.open(withOriginal ? Desk.countered(round.counterer(), counter, proposed, clock.now()) : Desk.proposed(round.counterer(), counter, clock.now()));
        for (CastVote vote : round.votes()) {
            if (vote.onCounter() ? !withCounter : !withOriginal) continue;
            clock.set(Desk.OPENING_BELL.plusSeconds(vote.second()));
            orchestrator.record(Desk.vote(vote.voter(), vote.onCounter() ? counter : original, vote.choice(), clock.now()));
        }
        clock.set(Desk.OPENING_BELL.plusSeconds(TIMEOUT_SECONDS + 45));
        orchestrator.expireDue();
        List<Decision> decisions = bus.decisions().stream().sorted(Comparator.comparing(decision -> decision.proposalId().equals(original.id()) ? 0 : 1)).toList();
        assertThat(decisions).hasSize((withOriginal ? 1 : 0) + (withCounter ? 1 : 0));
        return decisions;
    }
}
