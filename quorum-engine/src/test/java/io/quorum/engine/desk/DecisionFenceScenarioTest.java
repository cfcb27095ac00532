package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.DecisionFence;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Execution asks the fence before it carries a decision out: a deposed orchestrator's decision is refused, and a decision seen twice is executed once. */
class DecisionFenceScenarioTest {

    @Test
    void an_approval_from_a_deposed_orchestrator_places_no_order() {
        LatestGrantFence fence = new LatestGrantFence();
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fence(fence).build()) {
            DeskSession session = tradingWithOnePosition(desk);

            // Another process took the session's lease: this desk's grant, 0, is no longer the latest.
            fence.latest = 2;
            publish(desk, session, approvalOf(addToThePosition()));

            AgentMessage refusal = desk.awaitSaid(session, refusal());
            assertThat(((Update) refusal.content()).text()).contains("no longer holds this session", "fencing token 0");
            assertThat(desk.broker.brokerOrders()).hasSize(1);
        }
    }

    @Test
    void an_approval_delivered_twice_places_one_order() {
        LatestGrantFence fence = new LatestGrantFence();
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fence(fence).build()) {
            DeskSession session = tradingWithOnePosition(desk);
            Decision approval = approvalOf(addToThePosition());

            publish(desk, session, approval);
            publish(desk, session, approval);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.broker.brokerOrders().size() == 2);
            // A decision behind both copies that the fence refuses: once it is refused, both copies were seen.
            fence.latest = 3;
            publish(desk, session, approvalOf(addToThePosition()));
            desk.awaitSaid(session, refusal());

            assertThat(desk.broker.brokerOrders()).hasSize(2);
            assertThat(fence.admitted).contains(approval.proposalId());
        }
    }

    /** A fence over grants the test hands out: only the latest token passes, each proposal once. */
    private static final class LatestGrantFence implements DecisionFence {
        volatile long latest;
        final Set<ProposalId> admitted = ConcurrentHashMap.newKeySet();

        @Override public Admission admit(SessionId session, ProposalId proposal, long token) {
            if (token != latest) return Admission.DEPOSED;
            return admitted.add(proposal) ? Admission.ADMITTED : Admission.ALREADY_ADMITTED;
        }
    }

    /** A session trading by itself, its first trade done: the desk's own decisions pass the fence. */
    private static DeskSession tradingWithOnePosition(DeskFixture desk) {
        desk.advance(Duration.ofMinutes(5));
        DeskSession session = desk.autoTrading();
        desk.awaitSaid(session, tradeExecuted());
        return session;
    }

    private static Predicate<AgentMessage> refusal() {
        return from(AgentRole.EXECUTION, MessageType.UPDATE).and(message -> ((Update) message.content()).text().startsWith("Not executing"));
    }

    private static void publish(DeskFixture desk, DeskSession session, Decision decision) {
        desk.desk.bus().publish(AgentMessage.draft(session.id(), AgentRole.ORCHESTRATOR, Recipients.all(), decision, desk.clock.now()));
    }

    private static Decision approvalOf(Proposal terms) {
        return new Decision(terms.id(), Outcome.APPROVED, new Tally(5, 0, 0, false, 3, 5),
                AgentRole.VOTERS.stream().map(voter -> new VoteRecord(voter, VoteChoice.APPROVE, "agreed", null, true)).toList(),
                terms, "5 of 5 approved", "APPROVED — " + terms.text());
    }

    private static Proposal addToThePosition() {
        return new Proposal(ProposalId.random(), TradeAction.INCREASE, NVDA, Direction.LONG, Size.percentOfPosition("20"), Price.parse("100.00"),
                Price.parse("97.00"), Price.parse("105.00"), null, "the trend holds", "Increase position by 20%. Entry: $100.00, New Stop: $97.00, Target: $105.00");
    }
}
