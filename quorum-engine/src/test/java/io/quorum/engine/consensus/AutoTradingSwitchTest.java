package io.quorum.engine.consensus;

import static io.quorum.engine.message.AgentRole.EXECUTION;
import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.RISK;
import static io.quorum.engine.message.AgentRole.SENTIMENT;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static io.quorum.engine.message.VoteChoice.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.session.TradingSession;
import io.quorum.engine.time.ManualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user takes authority back: open votes are cancelled, and a decision already on its way to the
 * Execution agent finds the switch off and places no order.
 */
class AutoTradingSwitchTest {
    private final ManualClock clock = new ManualClock(Desk.OPENING_BELL);
    private final RecordingMessageBus bus = new RecordingMessageBus();
    private final TradingSession session = new TradingSession(Desk.SESSION, Ticker.of("AAPL"), AutoTradingConfig.defaults(), clock);
    private final ConsensusOrchestrator orchestrator =
            new ConsensusOrchestrator(Desk.SESSION, bus, clock, clock, VotingRules.of(session.config()), session::isTradingAllowed);
    /** The Execution agent's mailbox: decisions wait here until its thread gets to them. */
    private final Queue<Decision> executionMailbox = new ArrayDeque<>();
    private final List<Proposal> ordersPlaced = new ArrayList<>();
    private final Proposal proposal = Desk.increaseAaplBy20Pct();

    @BeforeEach
    void handOverTradingAuthority() {
        session.addListener(orchestrator::onSessionChange);
        session.startAnalysis();
        session.analysisComplete(Desk.openLong("AAPL"));
        session.approve();
        session.enableAutoTrading();
    }

    @Test
    void an_approved_decision_is_executed_while_trading_is_allowed() {
        deliverToExecution(approveUnanimously());

        executeWhatIsInTheMailbox();

        assertThat(ordersPlaced).containsExactly(proposal);
    }

    @Test
    void a_decision_that_arrives_after_the_switch_is_off_leads_to_no_order() {
        deliverToExecution(approveUnanimously());

        session.disableAutoTrading();
        executeWhatIsInTheMailbox();

        assertThat(executionMailbox).isEmpty();
        assertThat(ordersPlaced).isEmpty();
    }

    @Test
    void switching_off_cancels_every_vote_in_progress_and_late_votes_change_nothing() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));

        session.disableAutoTrading();
        orchestrator.record(Desk.vote(SENTIMENT, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(EXECUTION, proposal, APPROVE, clock.now()));

        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(decision.reason()).isEqualTo("auto-trading switched off");
        });
        assertThat(orchestrator.ignoredVotes(VoteReceipt.Reason.AFTER_DECISION)).isEqualTo(3);
    }

    @Test
    void no_new_vote_opens_once_the_switch_is_off() {
        session.disableAutoTrading();

        assertThat(orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()))).isInstanceOfSatisfying(Opening.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Opening.Reason.NOT_ACCEPTING_PROPOSALS));
    }

    @Test
    void hitting_the_max_loss_cancels_the_votes_in_progress() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));

        session.stop(StopReason.MAX_LOSS_HIT);

        assertThat(bus.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(decision.reason()).isEqualTo("session stopped (the maximum daily loss was hit)");
        });
    }

    private AgentMessage approveUnanimously() {
        orchestrator.open(Desk.proposed(TECHNICAL, proposal, clock.now()));
        orchestrator.record(Desk.vote(FUNDAMENTAL, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(SENTIMENT, proposal, APPROVE, clock.now()));
        orchestrator.record(Desk.vote(RISK, proposal, APPROVE, clock.now()));
        return ((VoteReceipt.Decisive) orchestrator.record(Desk.vote(EXECUTION, proposal, APPROVE, clock.now()))).decision();
    }

    private void deliverToExecution(AgentMessage decision) { executionMailbox.add((Decision) decision.content()); }

    /** The Execution agent's rule: an approved decision becomes an order only if trading is allowed at that moment. */
    private void executeWhatIsInTheMailbox() {
        Decision decision;
        while ((decision = executionMailbox.poll()) != null) {
            if (decision.outcome().approves() && session.isTradingAllowed()) ordersPlaced.add(decision.terms());
        }
    }
}
