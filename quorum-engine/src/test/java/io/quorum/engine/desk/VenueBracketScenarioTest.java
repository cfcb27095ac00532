package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Where the venue keeps brackets, the desk's entries carry their stop and target to it, the desk does
 * not keep them a second time, and what the venue's exits do is booked as the desk's own exits would be.
 */
class VenueBracketScenarioTest {
    /** Quiet for ten minutes at $100, then a gap to $90: through any stop of a long bought at the start. A script is read once, so each test has its own. */
    private static ScriptedPrices gapDown() { return ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).gapTo("90.00"); }

    @Test
    void an_entry_goes_as_a_bracket_and_the_venues_stop_filling_is_booked_as_the_stop_loss() {
        try (DeskFixture desk = DeskFixture.on(gapDown()).venueKeepsBrackets().build()) {
            DeskSession session = enteredWithABracket(desk);
            OrderRequest entry = desk.broker.submitted().getFirst();
            assertThat(desk.position(session).map(Position::protection)).as("the venue keeps the exits").contains(Protection.NONE);

            desk.advance(Duration.ofMinutes(6));
            assertThat(desk.broker.submitted()).as("the gap through the stop sends no exit of the desk's own").containsExactly(entry);
            assertThat(desk.position(session)).as("the venue's stop sold the position").isEmpty();
            AgentMessage alert = desk.awaitSaid(session, message -> message.type() == MessageType.ALERT
                    && ((Alert) message.content()).kind() == Alert.AlertKind.STOP_LOSS_TRIGGERED);
            assertThat(alert.sender()).isEqualTo(AgentRole.RISK);
            assertThat(((Alert) alert.content()).text()).contains("the venue keeps at $" + entry.bracket().stopLoss()).contains(entry.quantity() + " shares at $89.99");
            Execution exit = lastExecution(desk, session);
            assertThat(exit.clientOrderId()).isEqualTo(BracketLeg.STOP_LOSS.of(entry.clientOrderId()).value());
            assertThat(exit.cause()).isEqualTo(OrderCause.STOP_LOSS);
            assertThat(exit.quantity()).isEqualTo(entry.quantity());
            assertThat(desk.paper.positions()).as("the venue's books agree").isEmpty();
        }
    }

    @Test
    void the_venues_target_filling_is_booked_as_the_take_profit_and_its_stop_is_cancelled() {
        ScriptedPrices rally = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).gapTo("200.00");
        try (DeskFixture desk = DeskFixture.on(rally).venueKeepsBrackets().build()) {
            DeskSession session = enteredWithABracket(desk);
            ClientOrderId entry = desk.broker.submitted().getFirst().clientOrderId();

            desk.advance(Duration.ofMinutes(6));

            assertThat(desk.position(session)).isEmpty();
            assertThat(lastExecution(desk, session).cause()).isEqualTo(OrderCause.TAKE_PROFIT);
            assertThat(desk.paper.findByClientOrderId(BracketLeg.STOP_LOSS.of(entry)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(desk.orderAlerts(session)).as("the stop the venue cancelled is no rejection").isEmpty();
        }
    }

    @Test
    void closing_a_bracketed_position_cancels_the_venues_exits_first_so_that_nothing_sells_it_twice() {
        try (DeskFixture desk = DeskFixture.on(gapDown()).venueKeepsBrackets().build()) {
            DeskSession session = enteredWithABracket(desk);
            ClientOrderId entry = desk.broker.submitted().getFirst().clientOrderId();

            assertThat(session.closePosition(NVDA, USER)).isTrue();
            desk.advance(Duration.ofMinutes(1));
            assertThat(desk.position(session)).isEmpty();

            desk.advance(Duration.ofMinutes(6));

            assertThat(desk.paper.findByClientOrderId(BracketLeg.STOP_LOSS.of(entry)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(desk.paper.findByClientOrderId(BracketLeg.TAKE_PROFIT.of(entry)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(desk.position(session)).as("the gap through the old stop reverses nothing").isEmpty();
            assertThat(desk.paper.positions()).isEmpty();
        }
    }

    @Test
    void editing_the_stops_of_a_bracketed_position_moves_them_to_the_desk() {
        try (DeskFixture desk = DeskFixture.on(gapDown()).venueKeepsBrackets().build()) {
            DeskSession session = enteredWithABracket(desk);
            ClientOrderId entry = desk.broker.submitted().getFirst().clientOrderId();
            Protection tighter = new Protection(Price.parse("99.00"), Price.parse("130.00"), null);

            assertThat(session.editStops(NVDA, tighter, USER)).isNull();

            assertThat(desk.position(session).map(Position::protection)).contains(tighter);
            assertThat(desk.paper.findByClientOrderId(BracketLeg.STOP_LOSS.of(entry)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            desk.awaitSaid(session, message -> message.content() instanceof Update update && update.text().contains("The venue no longer keeps the exits of NVDA"));

            desk.advance(Duration.ofMinutes(6));

            assertThat(desk.position(session)).as("the desk's own stop took it out").isEmpty();
            assertThat(lastExecution(desk, session).cause()).isEqualTo(OrderCause.STOP_LOSS);
            assertThat(desk.broker.submitted()).as("the entry and the desk's exit").hasSize(2);
        }
    }

    @Test
    void exits_the_venue_stops_keeping_are_taken_over_by_the_desk() {
        try (DeskFixture desk = DeskFixture.on(gapDown()).venueKeepsBrackets().build()) {
            DeskSession session = enteredWithABracket(desk);
            OrderRequest entry = desk.broker.submitted().getFirst();

            desk.paper.cancel(BracketLeg.TAKE_PROFIT.of(entry.clientOrderId()));
            desk.paper.cancel(BracketLeg.STOP_LOSS.of(entry.clientOrderId()));

            desk.awaitSaid(session, message -> message.content() instanceof Update update && update.text().contains("the desk keeps stop $" + entry.bracket().stopLoss()));
            assertThat(desk.position(session).map(Position::protection))
                    .contains(new Protection(entry.bracket().stopLoss(), entry.bracket().takeProfit(), null));
            desk.advance(Duration.ofMinutes(6));
            assertThat(desk.position(session)).isEmpty();
        }
    }

    @Test
    void a_leg_that_fills_while_the_desk_is_down_is_booked_after_the_restart() {
        try (DeskFixture desk = DeskFixture.on(gapDown()).venueKeepsBrackets().build()) {
            DeskSession session = enteredWithABracket(desk);
            ClientOrderId entry = desk.broker.submitted().getFirst().clientOrderId();
            desk.broker.forgetListeners();

            desk.advance(Duration.ofMinutes(6));
            assertThat(desk.paper.findByClientOrderId(BracketLeg.STOP_LOSS.of(entry)).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);

            DeskSession after = desk.restart().getFirst();

            assertThat(desk.position(after)).as("the venue's stop, booked once").isEmpty();
            assertThat(desk.journal(after)).filteredOn(JournalEvent.OrderFilled.class::isInstance)
                    .extracting(event -> ((JournalEvent.OrderFilled) event).fill().clientOrderId()).containsExactly(entry, BracketLeg.STOP_LOSS.of(entry));
            assertThat(session.id()).isEqualTo(after.id());
        }
    }

    private static DeskSession enteredWithABracket(DeskFixture desk) {
        desk.advance(Duration.ofMinutes(5));
        DeskSession session = desk.analysed();
        Proposal card = session.proposal().orElseThrow();
        session.approve(card.id(), USER);
        desk.awaitSaid(session, tradeExecuted());
        OrderRequest entry = desk.broker.submitted().getFirst();
        assertThat(entry.bracket()).isEqualTo(new Bracket(card.target(), card.stop()));
        return session;
    }

    private static Execution lastExecution(DeskFixture desk, DeskSession session) {
        return desk.said(session, tradeExecuted()).getLast().content() instanceof Update update ? update.execution() : null;
    }

    @Test
    void a_trailing_stop_stays_with_the_position_manager_and_the_entry_goes_without_a_bracket() {
        try (DeskFixture desk = DeskFixture.on(gapDown()).venueKeepsBrackets().trailingStopPct("2").build()) {
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
        try (DeskFixture desk = DeskFixture.on(gapDown()).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());

            assertThat(desk.broker.submitted().getFirst().bracket()).isNull();
            assertThat(desk.position(session).map(position -> position.protection().stopLoss())).hasValueSatisfying(stop -> assertThat(stop).isGreaterThan(Price.parse("90.00")));
        }
    }
}
