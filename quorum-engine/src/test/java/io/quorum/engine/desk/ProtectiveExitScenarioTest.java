package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.position.Position;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Open positions are guarded on every tick, without a vote: stops, trailing stops, and the day's loss limit. */
class ProtectiveExitScenarioTest {

    @Test
    void a_gap_down_through_the_stop_fills_at_the_gap_price_not_at_the_stop() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).gapTo("90.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            Proposal card = session.proposal().orElseThrow();
            assertThat(card.stop()).isGreaterThan(Price.parse("90.00"));

            desk.advance(Duration.ofMinutes(6));

            AgentMessage alert = desk.awaitSaid(session, from(AgentRole.RISK, MessageType.ALERT));
            assertThat(((Alert) alert.content()).kind()).isEqualTo(Alert.AlertKind.STOP_LOSS_TRIGGERED);
            Execution exit = lastExecution(desk, session);
            assertThat(exit.side()).isEqualTo(Side.SELL);
            assertThat(exit.quantity()).isEqualTo(card.size().sharesGiven(0));
            assertThat(exit.price()).as("the bid of the gap's tick, a cent under its $90.00 print").isEqualTo(Price.parse("89.99"));
            assertThat(desk.said(session, tradeExecuted()).getLast().seq()).isGreaterThan(alert.seq());
            assertThat(desk.position(session)).isEmpty();
        }
    }

    @Test
    void a_trailing_stop_follows_the_price_up_never_down_and_closes_the_position_when_hit() {
        ScriptedPrices upThenDown = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10))
                .moveTo("105.00", Duration.ofMinutes(10)).moveTo("100.00", Duration.ofMinutes(10));
        try (DeskFixture desk = DeskFixture.on(upThenDown).trailingStopPct("2").build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());
            assertThat(session.proposal().orElseThrow().target()).as("the target is out of reach of this move").isGreaterThan(Price.parse("105.00"));

            List<Price> trail = new ArrayList<>();
            Optional<Position> position = desk.position(session);
            Instant endOfTheMove = DeskFixture.OPEN.plus(Duration.ofMinutes(30));
            while (position.isPresent() && desk.clock.now().isBefore(endOfTheMove)) {
                trail.add(position.get().trailingStop());
                desk.advance(Duration.ofSeconds(30));
                position = desk.position(session);
            }

            assertThat(position).as("closed before the price is back where it started").isEmpty();

            assertThat(trail).as("the trailing stop only ever tightens").isSorted();
            assertThat(trail.getFirst()).as("2% under the $100.01 fill").isEqualTo(Price.parse("98.0098"));
            assertThat(trail.getLast()).as("2% under the $105.00 high").isEqualTo(Price.parse("102.90"));
            assertThat(desk.said(session, from(AgentRole.RISK, MessageType.ALERT))).singleElement()
                    .satisfies(alert -> assertThat(((Alert) alert.content()).kind()).isEqualTo(Alert.AlertKind.TRAILING_STOP_TRIGGERED));
            Execution exit = lastExecution(desk, session);
            assertThat(exit.side()).isEqualTo(Side.SELL);
            assertThat(exit.price()).isBetween(Price.parse("102.80"), Price.parse("102.90"));
        }
    }

    @ParameterizedTest(name = "flatten on max loss: {0}")
    @CsvSource({"true", "false"})
    void a_daily_loss_beyond_the_limit_stops_the_session_and_flattens_unless_told_not_to(boolean flattenOnMaxLoss) {
        // A 0.1% daily limit on $100,000: a $100 loss. The slide to $97.50 loses more, and stays above the stop. It is
        // quick, so that a signal to close can only come once the loss is beyond the limit, wherever the desk sells.
        ScriptedPrices slide = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).moveTo("97.50", Duration.ofSeconds(30));
        try (DeskFixture desk = DeskFixture.on(slide).maxDailyLossPct("0.1").flattenOnMaxLoss(flattenOnMaxLoss).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            assertThat(session.proposal().orElseThrow().stop()).isLessThan(Price.parse("97.50"));

            desk.advance(Duration.ofMinutes(11));

            await().atMost(DeskFixture.PATIENCE).until(() -> session.state() == SessionState.STOPPED);
            assertThat(session.stopReason()).contains(StopReason.MAX_LOSS_HIT);
            assertThat(StopReason.MAX_LOSS_HIT.code()).isEqualTo("max_loss_hit");
            assertThat(session.isTradingAllowed()).isFalse();
            assertThat(desk.said(session, from(AgentRole.RISK, MessageType.ALERT))).singleElement()
                    .satisfies(alert -> assertThat(((Alert) alert.content()).kind()).isEqualTo(Alert.AlertKind.LIMIT_BREACH));
            // The slide may also give Technical a signal to close before the limit is seen; what matters is who flattened.
            if (flattenOnMaxLoss) {
                await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).isEmpty());
                assertThat(lastExecution(desk, session).side()).isEqualTo(Side.SELL);
            } else {
                desk.advance(Duration.ofMinutes(1));
                assertThat(desk.said(session, tradeExecuted())).noneSatisfy(trade ->
                        assertThat(((Update) trade.content()).execution().reason()).contains("daily loss limit"));
            }
        }
    }

    @Test
    void a_listener_stalled_for_two_seconds_does_not_delay_a_stop_loss_exit() throws Exception {
        ScriptedPrices drop = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(6)).moveTo("94.00", Duration.ofSeconds(5));
        try (DeskFixture desk = DeskFixture.on(drop).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());
            Price stop = desk.position(session).orElseThrow().protection().stopLoss();
            assertThat(stop).isGreaterThan(Price.parse("94.00"));
            // A stalled WebSocket client, say: the first entry it hears from now on holds it for 2 s.
            CountDownLatch never = new CountDownLatch(1);
            AtomicLong releasedAt = new AtomicLong();
            AtomicBoolean stalling = new AtomicBoolean();
            desk.tail.followAll(entry -> {
                if (!stalling.compareAndSet(false, true)) return;
                try {
                    never.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                releasedAt.set(System.nanoTime());
            });
            int ordersBefore = desk.broker.submitted().size();

            desk.advance(Duration.ofMinutes(2));

            OrderRequest exit = desk.broker.submitted().get(ordersBefore);
            assertThat(exit.side()).isEqualTo(Side.SELL);
            await().atMost(DeskFixture.PATIENCE).until(() -> releasedAt.get() != 0);
            assertThat(desk.broker.submittedAt(exit.clientOrderId())).as("the exit left while the listener was still stalled").isLessThan(releasedAt.get());
            assertThat(desk.position(session)).isEmpty();
        }
    }

    private static Execution lastExecution(DeskFixture desk, DeskSession session) {
        return ((Update) desk.said(session, tradeExecuted()).getLast().content()).execution();
    }
}
