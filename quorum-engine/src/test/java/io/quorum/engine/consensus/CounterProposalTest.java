package io.quorum.engine.consensus;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sentiment proposes to halve the AAPL position; Technical answers with a counter-proposal to trim a quarter. */
class CounterProposalTest {
    private final ManualClock clock = new ManualClock(Desk.OPENING_BELL);
    private final RecordingMessageBus bus = new RecordingMessageBus();
    private final ConsensusOrchestrator orchestrator = new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock, VotingRules.DEFAULT, () -> true);
    private final Proposal halve = Desk.reduceAapl("50");
    private final Proposal trim = Desk.reduceAapl("25");
    private AgentMessage proposed;

    @BeforeEach
    void sentiment_proposes_and_technical_counters_five_seconds_later() {
        proposed = Desk.proposed(SENTIMENT, halve, clock.now());
        orchestrator.open(proposed);
        clock.advance(Duration.ofSeconds(5));
    }

    @Test
    void a_counter_proposal_joins_the_round_with_its_deadline_and_the_other_voters_are_asked() {
        AgentMessage counter = Desk.countered(TECHNICAL, trim, proposed, clock.now());

        Opening opening = orchestrator.open(counter);

        assertThat(opening).isEqualTo(new Opening.Countered(trim.id(), halve.id(), Desk.OPENING_BELL.plusSeconds(30)));
        AgentMessage request = bus.published().getLast();
        assertThat(request.recipients()).isEqualTo(Recipients.of(FUNDAMENTAL, SENTIMENT, RISK, EXECUTION));
        assertThat(request.replyTo()).isEqualTo(counter.id());
        assertThat(((VoteRequest) request.content()).text())
                .isEqualTo("Votes please on Technical's counter-proposal to Sentiment's: Reduce AAPL position by 25% — answer within 25 s");
        assertThat(orchestrator.openRounds()).isEqualTo(1);
        assertThat(orchestrator.isOpen(trim.id())).isTrue();
    }

    @ParameterizedTest(name = "halving: {0}; trim: {1} -> halving {2}, trim {3}")
    @CsvSource(delimiter = '|', textBlock = """
            TECHNICAL ABSTAIN, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE | SENTIMENT APPROVE, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE | REJECTED | APPROVED
            TECHNICAL REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE  | SENTIMENT REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE  | APPROVED | REJECTED
            TECHNICAL REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE  | SENTIMENT REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION ABSTAIN | APPROVED | REJECTED
            TECHNICAL REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION ABSTAIN  | SENTIMENT ABSTAIN, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION ABSTAIN | REJECTED | APPROVED
            TECHNICAL REJECT, FUNDAMENTAL REJECT, RISK ABSTAIN, EXECUTION APPROVE   | SENTIMENT REJECT, FUNDAMENTAL APPROVE, RISK ABSTAIN, EXECUTION APPROVE | REJECTED | APPROVED
            TECHNICAL REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE  | SENTIMENT APPROVE, FUNDAMENTAL APPROVE, RISK VETO, EXECUTION APPROVE   | APPROVED | VETOED
            TECHNICAL REJECT, FUNDAMENTAL APPROVE, RISK VETO, EXECUTION APPROVE     | SENTIMENT REJECT, FUNDAMENTAL APPROVE, RISK ABSTAIN, EXECUTION APPROVE | VETOED   | APPROVED
            """)
    void the_better_supported_of_the_motions_that_pass_carries_more_approvals_first_then_fewer_rejections_then_the_original(
            String onHalving, String onTrim, Outcome halvingEnds, Outcome trimEnds) {
        orchestrator.open(Desk.countered(TECHNICAL, trim, proposed, clock.now()));

        votes(halve, onHalving);
        votes(trim, onTrim);

        assertThat(decisionOn(halve).outcome()).isEqualTo(halvingEnds);
        assertThat(decisionOn(trim).outcome()).isEqualTo(trimEnds);
    }

    @Test
    void the_motion_set_aside_says_which_carried_and_the_one_carried_says_over_which() {
        orchestrator.open(Desk.countered(TECHNICAL, trim, proposed, clock.now()));
        votes(halve, "TECHNICAL ABSTAIN, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE");
        votes(trim, "SENTIMENT APPROVE, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE");

        assertThat(decisionOn(halve).reason()).isEqualTo("4 of 5 approved, but Technical's counter-proposal was better supported (5 of 5 approved)");
        assertThat(decisionOn(trim).reason()).isEqualTo("5 of 5 approved; carried over Sentiment's proposal (4 of 5 approved)");
    }

    @Test
    void the_round_waits_for_both_motions_and_at_the_deadline_missing_votes_count_as_abstentions() {
        orchestrator.open(Desk.countered(TECHNICAL, trim, proposed, clock.now()));
        votes(halve, "TECHNICAL REJECT, FUNDAMENTAL APPROVE, RISK APPROVE, EXECUTION APPROVE");
        votes(trim, "SENTIMENT REJECT");
        assertThat(bus.decisions()).isEmpty();

        clock.advance(Duration.ofSeconds(25));
        orchestrator.expireDue();

        assertThat(decisionOn(trim).outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(decisionOn(halve).outcome()).isEqualTo(Outcome.APPROVED);
    }

    @Test
    void only_one_counter_per_round_and_never_from_the_proposer() {
        orchestrator.open(Desk.countered(TECHNICAL, trim, proposed, clock.now()));

        Opening second = orchestrator.open(Desk.countered(FUNDAMENTAL, Desk.reduceAapl("10"), proposed, clock.now()));
        Opening own = orchestrator.open(Desk.countered(SENTIMENT, Desk.reduceAapl("30"), proposed, clock.now()));

        assertThat(second).isInstanceOfSatisfying(Opening.Refused.class, r -> assertThat(r.reason()).isEqualTo(Opening.Reason.ALREADY_COUNTERED));
        assertThat(own).isInstanceOfSatisfying(Opening.Refused.class, r -> assertThat(r.reason()).isEqualTo(Opening.Reason.OWN_PROPOSAL));
    }

    @Test
    void a_counter_proposal_after_the_deadline_is_put_to_the_vote_on_its_own() {
        clock.advance(Duration.ofSeconds(25));

        Opening opening = orchestrator.open(Desk.countered(TECHNICAL, trim, proposed, clock.now()));

        assertThat(decisionOn(halve).outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(opening).isInstanceOf(Opening.Opened.class);
    }

    @Test
    void cancelling_ends_both_motions() {
        orchestrator.open(Desk.countered(TECHNICAL, trim, proposed, clock.now()));

        assertThat(orchestrator.cancelAll("auto-trading switched off")).hasSize(2)
                .allSatisfy(message -> assertThat(((Decision) message.content()).outcome()).isEqualTo(Outcome.CANCELLED));
        assertThat(orchestrator.isOpen(trim.id())).isFalse();
    }

    /** Votes on {@code proposal}, as "RISK APPROVE, EXECUTION REJECT". */
    private void votes(Proposal proposal, String votes) {
        for (String vote : votes.split(",")) {
            String[] voterAndChoice = vote.trim().split(" ");
            orchestrator.record(Desk.vote(AgentRole.valueOf(voterAndChoice[0]), proposal, VoteChoice.valueOf(voterAndChoice[1]), clock.now()));
        }
    }

    private Decision decisionOn(Proposal proposal) {
        return bus.decisions().stream().filter(decision -> decision.proposalId().equals(proposal.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no decision on " + proposal.id() + "; decisions: " + bus.decisions()));
    }
}
