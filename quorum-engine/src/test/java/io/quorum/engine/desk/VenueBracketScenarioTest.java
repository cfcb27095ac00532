package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.message.Alert;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where the venue keeps brackets, the desk's entries carry their stop and target to it, and the desk does not keep them a second time. */
class VenueBracketScenarioTest {
    private static final ScriptedPrices GAP_DOWN = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).gapTo("90.00");

    @Test
    void an_entry_goes_as_a_bracket_and_the_position_manager_sends_no_exit_of_its_own() {
        try (DeskFixture desk = DeskFixture.on(GAP_DOWN).venueKeepsBrackets().build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            Proposal card = session.proposal().orElseThrow();
            session.approve(card.id(), USER);
            desk.awaitSaid(session, tradeExecuted());

            OrderRequest entry = desk.broker.submitted().getFirst();
            assertThat(entry.bracket()).isEqualTo(new Bracket(card.target(), card.stop()));
            assertThat(desk.position(session).map(Position::protection)).as("the venue keeps the exits").contains(Protection.NONE);

            desk.advance(Duration.ofMinutes(6));

            assertThat(desk.broker.submitted()).as("the gap through the stop sends no second exit").containsExactly(entry);
            assertThat(desk.said(session, message -> message.type() == MessageType.ALERT
                    && ((Alert) message.content()).kind() == Alert.AlertKind.STOP_LOSS_TRIGGERED)).isEmpty();
        }
    }

    @Test
    void a_trailing_stop_stays_with_the_position_manager_and_the_entry_goes_without_a_bracket() {
        try (DeskFixture desk = DeskFixture.on(GAP_DOWN).venueKeepsBrackets().trailingStopPct("2").build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());

            assertThat(desk.broker.submitted().getFirst().bracket()).isNull();
            assertThat(desk.position(session).map(position -> position.protection().stopLoss())).isPresent();

            desk.advance(Duration.ofMinutes(6));

            assertThat(desk.broker.submitted()).as("the desk's own exit").hasSize(2);
            assertThat(desk.position(session)).isEmpty();
        }
    }

    @Test
    void on_a_broker_without_brackets_the_entry_keeps_its_stops_at_the_desk() {
        try (DeskFixture desk = DeskFixture.on(GAP_DOWN).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());

            assertThat(desk.broker.submitted().getFirst().bracket()).isNull();
            assertThat(desk.position(session).map(position -> position.protection().stopLoss())).hasValueSatisfying(stop -> assertThat(stop).isGreaterThan(Price.parse("90.00")));
        }
    }
}
