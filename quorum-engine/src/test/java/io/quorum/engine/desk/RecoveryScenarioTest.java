package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.decided;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.position.Position;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a desk that died finds when it starts again on the same journal and broker. */
class RecoveryScenarioTest {

    @Test
    void a_restarted_desk_continues_the_session_with_its_positions_and_armed_stops() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(20)).gapTo("90.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession before = desk.autoTrading();
            desk.awaitSaid(before, tradeExecuted());
            Position held = await().until(() -> desk.position(before), p -> p.isPresent()).orElseThrow();

            DeskSession after = single(desk.restart());

            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.state()).isEqualTo(SessionState.AUTO_TRADING);
            assertThat(after.isAutoTradingEnabled()).isTrue();
            Position restored = desk.position(after).orElseThrow();
            assertThat(restored.signedQuantity()).isEqualTo(held.signedQuantity());
            assertThat(restored.protection()).isEqualTo(held.protection());

            desk.advance(Duration.ofMinutes(20));

            AgentMessage alert = desk.awaitSaid(after, from(AgentRole.RISK, MessageType.ALERT)
                    .and(m -> ((Alert) m.content()).kind() == Alert.AlertKind.STOP_LOSS_TRIGGERED));
            assertThat(alert).as("the stop fired on the first tick through it after the restart").isNotNull();
            AgentMessage exit = desk.awaitSaid(after, tradeExecuted().and(m -> ((Update) m.content()).execution().cause() == OrderCause.STOP_LOSS));
            assertThat(((Update) exit.content()).execution().quantity()).isEqualTo(held.quantity());
        }
    }

    @Test
    void a_trailing_stop_that_had_tightened_before_the_crash_is_re_armed_where_it_was() {
        ScriptedPrices upThenFlat = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10))
                .moveTo("105.00", Duration.ofMinutes(10)).hold(Duration.ofHours(2));
        try (DeskFixture desk = DeskFixture.on(upThenFlat).trailingStopPct("2").build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession before = desk.analysed();
            before.approve(before.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(before, tradeExecuted());
            desk.advance(Duration.ofMinutes(20));
            Price tightened = desk.position(before).orElseThrow().trailingStop();
            assertThat(tightened).as("2% under the $105.00 high").isEqualTo(Price.parse("102.90"));
            // The desk's timer journals the moved water mark off the tick path.
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.journal(before).stream().anyMatch(e ->
                    e instanceof JournalEvent.PositionChanged changed && Price.parse("105.00").equals(changed.waterMark())));

            DeskSession after = single(desk.restart());

            assertThat(desk.position(after).orElseThrow().trailingStop()).isEqualTo(tightened);
        }
    }

    @Test
    void a_proposal_open_at_the_crash_is_cancelled_with_reason_restart_and_never_executed() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofHours(2))).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            long ordersBefore = desk.broker.submitted().size();
            Proposal unfinished = new Proposal(ProposalId.random(), TradeAction.INCREASE, NVDA, Direction.LONG, Size.percentOfPosition("20"),
                    Price.parse("100"), Price.parse("96"), Price.parse("106"), null, "breakout", "Increase NVDA by 20%");
            // The process dies right after the proposal is journaled, before anyone votes.
            desk.desk.close();
            desk.journal.append(session.id(), new JournalEvent.MessageJournaled(
                    AgentMessage.draft(session.id(), AgentRole.TECHNICAL, Recipients.all(), unfinished, desk.clock.now())
                            .sequenced(desk.journal.lastSeq(session.id()) + 1_000)));

            DeskSession after = single(desk.restart());

            Decision cancelled = desk.awaitDecision(after, decided(Outcome.CANCELLED));
            assertThat(cancelled.proposalId()).isEqualTo(unfinished.id());
            assertThat(cancelled.reason()).isEqualTo("restart");
            desk.advance(Duration.ofMinutes(5));
            assertThat(desk.broker.submitted()).hasSize((int) ordersBefore);
        }
    }

    @Test
    void an_order_whose_outcome_was_not_journaled_is_looked_up_at_the_broker_never_sent_again() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofHours(2))).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            OrderRequest reachedTheBroker = OrderRequest.market(ClientOrderId.of("x-" + UUID.randomUUID()), NVDA, Side.BUY, 10);
            OrderRequest neverLeft = OrderRequest.market(ClientOrderId.of("x-" + UUID.randomUUID()), NVDA, Side.BUY, 7);
            desk.desk.close();
            // Crash 1: the intent is saved and the broker filled it, but the desk died before hearing back.
            desk.journal.appendDurably(session.id(), new JournalEvent.OrderIntended(reachedTheBroker, null, "test order"));
            desk.paper.submit(reachedTheBroker);
            // Crash 2: the intent is saved, the process died before sending it.
            desk.journal.appendDurably(session.id(), new JournalEvent.OrderIntended(neverLeft, null, "test order"));

            DeskSession after = single(desk.restart());

            List<JournalEvent> events = desk.journal(after);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(JournalEvent.OrderFilled.class,
                    f -> assertThat(f.fill().clientOrderId()).isEqualTo(reachedTheBroker.clientOrderId())));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(JournalEvent.OrderRejected.class, r -> {
                assertThat(r.clientOrderId()).isEqualTo(neverLeft.clientOrderId());
                assertThat(r.reason()).isEqualTo(RejectReason.NOT_PLACED);
            }));
            assertThat(desk.paper.findByClientOrderId(neverLeft.clientOrderId())).as("never resubmitted").isEmpty();
            assertThat(desk.position(after).orElseThrow().signedQuantity()).isEqualTo(10);
        }
    }

    @Test
    void switching_auto_trading_off_survives_a_restart() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofHours(2))).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            session.disableAutoTrading(USER);

            DeskSession after = single(desk.restart());

            assertThat(after.state()).isEqualTo(SessionState.AUTO_TRADING);
            assertThat(after.isAutoTradingEnabled()).isFalse();
            assertThat(after.isTradingAllowed()).isFalse();
        }
    }

    @Test
    void a_broker_position_that_differs_from_the_desk_halts_new_exposure_until_they_agree() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofHours(2))).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            // Someone trades the account behind the desk's back while it is down.
            desk.desk.close();
            desk.paper.submit(OrderRequest.market(ClientOrderId.of("manual-1"), NVDA, Side.BUY, 5));

            DeskSession after = single(desk.restart());
            desk.desk.reconcile();

            assertThat(desk.desk.haltReason(after.id())).hasValueSatisfying(why -> assertThat(why).contains("broker reports"));
            desk.awaitSaid(after, from(AgentRole.RISK, MessageType.ALERT).and(m -> ((Alert) m.content()).kind() == Alert.AlertKind.RECONCILIATION_MISMATCH));

            desk.paper.submit(OrderRequest.market(ClientOrderId.of("manual-2"), NVDA, Side.SELL, 5));
            desk.desk.reconcile();

            assertThat(desk.desk.haltReason(after.id())).isEmpty();
        }
    }

    private static DeskSession single(List<DeskSession> restored) {
        assertThat(restored).hasSize(1);
        return restored.getFirst();
    }
}
