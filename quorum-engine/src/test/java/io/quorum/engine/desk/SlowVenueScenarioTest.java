package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.Alert;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Update;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A venue across the network is asked off the engine loop: while it takes its time, the desk goes on watching the market and its stops. */
class SlowVenueScenarioTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_venue_slow_to_answer_holds_up_neither_the_ticks_nor_the_stops_and_its_late_answer_is_booked() {
        ScriptedPrices gapDown = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).gapTo("90.00");
        try (DeskFixture desk = DeskFixture.on(gapDown).remoteBroker().build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());

            desk.broker.holdAnswers();
            desk.advance(Duration.ofMinutes(6));

            assertThat(desk.said(session, message -> message.type() == MessageType.ALERT
                    && ((Alert) message.content()).kind() == Alert.AlertKind.STOP_LOSS_TRIGGERED))
                    .as("the gap through the stop was seen while the venue kept its answers").hasSize(1);
            assertThat(desk.broker.submitted()).as("the exit waits at the venue's door").hasSize(1);
            assertThat(desk.position(session)).isPresent();

            desk.broker.answerAgain();

            desk.awaitSaid(session, message -> message.content() instanceof Update update && update.execution() != null
                    && update.execution().cause() == OrderCause.STOP_LOSS);
            assertThat(desk.broker.submitted()).hasSize(2);
            assertThat(desk.position(session)).isEmpty();
        }
    }
}
