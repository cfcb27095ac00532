package io.quorum.engine.consensus;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.ORCHESTRATOR;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static io.quorum.engine.message.VoteChoice.ABSTAIN;
import static io.quorum.engine.message.VoteChoice.APPROVE;
import static io.quorum.engine.message.VoteChoice.REJECT;
import static io.quorum.engine.message.VoteChoice.VETO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.port.OrchestratorLease;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConsensusOrchestratorTest {
    private final ManualClock clock = new ManualClock(Desk.OPENING_BELL);
    private final RecordingMessageBus bus = new RecordingMessageBus();
    private final AtomicBoolean trading = new AtomicBoolean(true);
    private final ConsensusOrchestrator orchestrator = new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock, VotingRules.DEFAULT, trading::get);
    private final Proposal proposal = Desk.increaseAaplBy20Pct();

    @Test
    void opening_sends_the_other_four_voters_a_vote_request_with_the_terms_and_the_deadline() {
        AgentMessage proposed = Desk.proposed(TECHNICAL, proposal, clock.now());

        Opening opening = orchestrator.open(proposed);

        assertThat(opening).isEqualTo(new Opening.Opened(proposal.id(), Desk.OPENING_BELL.plusSeconds(30)));
        AgentMessage request = bus.published().get(0);
        assertThat(request.sender()).isEqualTo(ORCHESTRATOR);
        assertThat(request.type()).isEqualTo(MessageType.VOTE_REQUEST);
        assertThat(request.content()).isEqualTo(new VoteRequest(proposal.id(), proposal, EnumSet.of(FUNDAMENTAL, SENTIMENT, RISK, EXECUTION),
                Desk.OPENING_BELL.plusSeconds(30), "Votes please on Technical's proposal: Increase AAPL position by 20%, stop 175.00, target 190.00 — answer within 30 s"));
        assertThat(request.recipients()).isEqualTo(Recipients.of(FUNDAMENTAL, SENTIMENT, RISK, EXECUTION));
        assertThat(request.replyTo()).isEqualTo(proposed.id());
        assertThat(request.requiresResponse()).isTrue();
        assertThat(request.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void every_decision_carries_the_token_of_its_orchestrators_grant_of_the_session() {
        OrchestratorLease grantedSeven = new OrchestratorLease() {
            @Override public void hold(SessionId session) { }

            @Override public long token(SessionId session) { return 7; }

            @Override public void release(SessionId session) { }

            @Override public void close() { }
        };
        ConsensusOrchestrator leased = new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock, VotingRules.DEFAULT, trading::get, grantedSeven);
        leased.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        for (AgentRole voter : EnumSet.of(FUNDAMENTAL, SENTIMENT, RISK)) leased.record(Desk.vote(voter, proposal, APPROVE, clock.now()));

        VoteReceipt last = leased.record(Desk.vote(EXECUTION, proposal, APPROVE, clock.now()));

        assertThat(((Decision) ((VoteReceipt.Decisive) last).decision().content()).fencingToken()).isEqualTo(7);
    }

    @Test
    void the_seeds_conversation_ends_approved_modified_with_a_readable_decision() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(SENTIMENT, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, APPROVE, new Modification(Size.percentOfPosition("15"), null, null), clock.now()));

        VoteReceipt last = orchestrator.record(Desk.vote(EXECUTION, proposal, APPROVE, clock.now()));

        assertThat(last).isInstanceOf(VoteReceipt.Decisive.class);
        AgentMessage message = ((VoteReceipt.Decisive) last).decision();
        assertThat(message.sender()).isEqualTo(ORCHESTRATOR);
        assertThat(message.recipients()).isEqualTo(Recipients.all());
        assertThat(message.isSequenced()).isTrue();
        Decision decision = (Decision) message.content();
        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED_MODIFIED);
        assertThat(decision.terms().size()).isEqualTo(Size.percentOfPosition("15"));
        assertThat(decision.text()).isEqualTo("APPROVED (modified) — Increase AAPL position by 15%, stop 175.00, target 190.00; "
                + "5 of 5 approved, Risk modification accepted (size 20% of position -> 15% of position)");
        assertThat(decision.votes()).hasSize(5);
    }

    @Test
    void a_quorum_before_every_vote_is_in_waits_and_a_late_risk_veto_wins() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        assertThat(orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()))).isInstanceOf(VoteReceipt.Counted.class);
        assertThat(orchestrator.record(Desk.vote(SENTIMENT, proposal, APPROVE, clock.now()))).isInstanceOf(VoteReceipt.Counted.class);
        assertThat(orchestrator.record(Desk.vote(EXECUTION, proposal, APPROVE, clock.now()))).isInstanceOf(VoteReceipt.Counted.class);
        assertThat(bus.decisions()).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        orchestrator.record(Desk.vote(RISK, proposal, VETO, clock.now()));

        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.VETOED);
            assertThat(decision.text()).isEqualTo("VETOED — Increase AAPL position by 20%, stop 175.00, target 190.00; Risk veto: Risk says VETO");
        });
    }

    @Test
    void no_quorum_at_the_deadline_is_a_hold() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, REJECT, clock.now()));
        clock.advance(Duration.ofSeconds(29));
        assertThat(orchestrator.expireDue()).isEmpty();

        clock.advance(Duration.ofSeconds(1));

        assertThat(orchestrator.expireDue()).singleElement().satisfies(message -> {
            Decision decision = (Decision) message.content();
            assertThat(decision.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(decision.text()).endsWith("1 of 5 approved, 3 did not answer within 30 s; hold, no trade");
        });
        assertThat(orchestrator.isOpen(proposal.id())).isFalse();
    }

    @Test
    void a_quorum_at_the_deadline_approves_with_the_missing_votes_as_abstentions() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now()));
        clock.advance(Duration.ofSeconds(31));

        Decision decision = (Decision) orchestrator.expireDue().get(0).content();

        assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(decision.tally().abstentions()).isEqualTo(2);
    }

    @Test
    void a_vote_after_the_deadline_times_the_round_out_and_is_not_counted() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        clock.advance(Duration.ofSeconds(30));

        VoteReceipt receipt = orchestrator.record(Desk.vote(SENTIMENT, proposal, APPROVE, clock.now()));

        assertThat(receipt).isEqualTo(new VoteReceipt.Ignored(proposal.id(), SENTIMENT, VoteReceipt.Reason.AFTER_DEADLINE));
        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(decision.tally().approvals()).isEqualTo(2);
        });
        assertThat(orchestrator.ignoredVotes(VoteReceipt.Reason.AFTER_DEADLINE)).isEqualTo(1);
    }

    @Test
    void a_second_vote_from_the_same_agent_is_ignored_and_counted_as_a_duplicate() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now()));

        VoteReceipt second = orchestrator.record(Desk.vote(RISK, proposal, VETO, clock.now()));
        VoteReceipt proposersOwn = orchestrator.record(Desk.vote(TECHNICAL, proposal, REJECT, clock.now()));

        assertThat(second).isEqualTo(new VoteReceipt.Ignored(proposal.id(), RISK, VoteReceipt.Reason.DUPLICATE));
        assertThat(proposersOwn).isEqualTo(new VoteReceipt.Ignored(proposal.id(), TECHNICAL, VoteReceipt.Reason.DUPLICATE));
        assertThat(orchestrator.ignoredVotes(VoteReceipt.Reason.DUPLICATE)).isEqualTo(2);
        assertThat(bus.decisions()).isEmpty();
    }

    @Test
    void a_vote_after_the_decision_is_ignored_and_reported() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, VETO, clock.now()));

        VoteReceipt late = orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));

        assertThat(late).isEqualTo(new VoteReceipt.Ignored(proposal.id(), FUNDAMENTAL, VoteReceipt.Reason.AFTER_DECISION));
        assertThat(orchestrator.ignoredVotes(VoteReceipt.Reason.AFTER_DECISION)).isEqualTo(1);
        assertThat(bus.decisions()).hasSize(1);
    }

    @Test
    void a_vote_for_an_unknown_proposal_is_refused() {
        VoteReceipt receipt = orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now()));

        assertThat(receipt).isEqualTo(new VoteReceipt.Ignored(proposal.id(), RISK, VoteReceipt.Reason.UNKNOWN_PROPOSAL));
        assertThat(orchestrator.ignoredVotes(VoteReceipt.Reason.UNKNOWN_PROPOSAL)).isEqualTo(1);
    }

    @Test
    void the_bus_guard_refuses_a_vote_for_a_proposal_never_seen() {
        assertThatThrownBy(() -> orchestrator.checkVote(Desk.vote(RISK, proposal, APPROVE, clock.now())))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("content.proposalId"))
                .hasMessageContaining("no such proposal " + proposal.id());
    }

    @Test
    void the_bus_guard_lets_votes_through_once_the_proposal_passed_it_even_before_the_round_opens() {
        orchestrator.checkVote(Desk.proposed(TECHNICAL, proposal, clock.now()));

        assertThatCode(() -> orchestrator.checkVote(Desk.vote(RISK, proposal, APPROVE, clock.now()))).doesNotThrowAnyException();
    }

    @Test
    void a_second_proposal_for_a_ticker_under_vote_is_refused_but_another_ticker_opens() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        Proposal anotherAapl = Desk.increaseAaplBy20Pct();

        Opening refused = orchestrator.open(Desk.proposed(SENTIMENT, anotherAapl, clock.now()));
        Opening msft = orchestrator.open(Desk.proposed(SENTIMENT, Desk.openLong("MSFT"), clock.now()));

        assertThat(refused).isInstanceOfSatisfying(Opening.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Opening.Reason.TICKER_BUSY);
            assertThat(r.detail()).contains(proposal.id().toString(), "AAPL");
        });
        assertThat(msft).isInstanceOf(Opening.Opened.class);
        assertThat(orchestrator.openRounds()).isEqualTo(2);
    }

    @Test
    void the_ticker_is_free_again_once_its_round_is_decided() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, VETO, clock.now()));

        assertThat(orchestrator.open(Desk.proposed(TECHNICAL, Desk.increaseAaplBy20Pct(), clock.now()))).isInstanceOf(Opening.Opened.class);
    }

    @Test
    void no_proposal_opens_while_the_session_is_not_trading() {
        trading.set(false);

        Opening opening = orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));

        assertThat(opening).isEqualTo(new Opening.Refused(proposal.id(), Opening.Reason.NOT_ACCEPTING_PROPOSALS, Opening.Reason.NOT_ACCEPTING_PROPOSALS.sentence()));
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void the_same_proposal_is_never_put_to_the_vote_twice() {
        AgentMessage proposed = Desk.proposed(TECHNICAL, proposal, clock.now());
        orchestrator.open(proposed);
        orchestrator.record(Desk.vote(RISK, proposal, VETO, clock.now()));

        assertThat(orchestrator.open(proposed)).isInstanceOfSatisfying(Opening.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Opening.Reason.ALREADY_OPENED));
    }

    @Test
    void the_orchestrator_cannot_propose_for_itself() {
        assertThat(orchestrator.open(Desk.proposed(ORCHESTRATOR, proposal, clock.now()))).isInstanceOfSatisfying(Opening.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Opening.Reason.PROPOSER_NOT_A_VOTER));
    }

    @Test
    void cancelling_ends_every_open_round_with_the_reason() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.open(Desk.proposed(SENTIMENT, Desk.openLong("MSFT"), clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, ABSTAIN, clock.now()));

        var cancelled = orchestrator.cancelAll("auto-trading switched off");

        assertThat(cancelled).hasSize(2).allSatisfy(message -> {
            Decision decision = (Decision) message.content();
            assertThat(decision.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(decision.reason()).isEqualTo("auto-trading switched off");
            assertThat(decision.text()).startsWith("CANCELLED — ").endsWith("; auto-trading switched off");
        });
        assertThat(orchestrator.openRounds()).isZero();
        assertThat(orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now())))
                .isEqualTo(new VoteReceipt.Ignored(proposal.id(), RISK, VoteReceipt.Reason.AFTER_DECISION));
    }

    @Test
    void new_rules_apply_to_rounds_opened_afterwards() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.reconfigure(new VotingRules(5, Duration.ofSeconds(10)));
        Proposal msft = Desk.openLong("MSFT");

        Opening opened = orchestrator.open(Desk.proposed(TECHNICAL, msft, clock.now()));
        clock.advance(Duration.ofSeconds(10));

        assertThat(opened).isEqualTo(new Opening.Opened(msft.id(), Desk.OPENING_BELL.plusSeconds(10)));
        assertThat(orchestrator.expireDue()).singleElement().satisfies(m -> assertThat(((Decision) m.content()).proposalId()).isEqualTo(msft.id()));
        assertThat(orchestrator.isOpen(proposal.id())).isTrue();
    }

    @Test
    void messages_of_another_session_or_type_are_programming_errors() {
        AgentMessage elsewhere = AgentMessage.draft(SessionId.of("other"), TECHNICAL, Recipients.all(), proposal, clock.now());

        assertThatThrownBy(() -> orchestrator.open(elsewhere)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> orchestrator.record(Desk.proposed(TECHNICAL, proposal, clock.now()))).isInstanceOf(IllegalArgumentException.class);
    }
}
