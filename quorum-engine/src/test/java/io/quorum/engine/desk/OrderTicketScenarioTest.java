package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The user's own orders from the ticket go through the RiskEngine and the order path the agents' orders take. */
class OrderTicketScenarioTest {
    private static final ScriptedPrices CALM = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(30));

    @Test
    void a_ticket_order_fills_and_is_told_and_journaled_like_a_decisions_order() {
        try (DeskFixture desk = DeskFixture.on(CALM).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            long before = desk.position(session).map(Position::signedQuantity).orElseThrow();

            TicketOutcome outcome = session.placeOrder(new OrderTicket(NVDA, Side.BUY, 10, OrderType.MARKET, null, Price.parse("95.00"), null), USER);

            assertThat(outcome).isInstanceOfSatisfying(TicketOutcome.Sent.class, sent -> assertThat(sent.venueKeepsStops()).isFalse());
            String id = ((TicketOutcome.Sent) outcome).clientOrderId().value();
            Execution fill = ((Update) desk.awaitSaid(session, tradeExecuted().and(message ->
                    ((Update) message.content()).execution().clientOrderId().equals(id))).content()).execution();
            assertThat(fill.cause()).isEqualTo(OrderCause.MANUAL);
            assertThat(fill.reason()).isEqualTo("ordered by " + USER);
            assertThat(desk.position(session).map(Position::signedQuantity)).contains(before + 10);
            assertThat(desk.position(session).map(position -> position.protection().stopLoss())).as("the ticket's stop protects the position").contains(Price.parse("95.00"));
            assertThat(desk.journal(session)).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(JournalEvent.UserAction.class, action -> {
                assertThat(action.action()).isEqualTo(JournalEvent.UserAction.Action.PLACE_ORDER);
                assertThat(action.detail()).isEqualTo("BUY 10 NVDA at market");
            })).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(JournalEvent.OrderIntended.class,
                    intended -> assertThat(intended.clientOrderId().value()).isEqualTo(id)));
        }
    }

    @Test
    void a_ticket_order_without_stops_leaves_the_positions_stops_as_they_were() {
        try (DeskFixture desk = DeskFixture.on(CALM).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            Protection before = desk.position(session).map(Position::protection).orElseThrow();
            assertThat(before.stopLoss()).isNotNull();

            TicketOutcome outcome = session.placeOrder(new OrderTicket(NVDA, Side.BUY, 4, OrderType.MARKET, null, null, null), USER);
            String id = ((TicketOutcome.Sent) outcome).clientOrderId().value();
            desk.awaitSaid(session, tradeExecuted().and(message -> ((Update) message.content()).execution().clientOrderId().equals(id)));
            TicketOutcome target = session.placeOrder(new OrderTicket(NVDA, Side.BUY, 2, OrderType.MARKET, null, null, Price.parse("130.00")), USER);
            String second = ((TicketOutcome.Sent) target).clientOrderId().value();
            desk.awaitSaid(session, tradeExecuted().and(message -> ((Update) message.content()).execution().clientOrderId().equals(second)));

            assertThat(desk.position(session).map(Position::protection)).as("a new target, the stop kept")
                    .contains(new Protection(before.stopLoss(), Price.parse("130.00"), before.trailingStopPct()));
        }
    }

    @Test
    void a_ticket_order_with_auto_trading_switched_off_is_refused_in_the_risk_engines_words() {
        try (DeskFixture desk = DeskFixture.on(CALM).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();

            TicketOutcome outcome = session.placeOrder(new OrderTicket(NVDA, Side.BUY, 10, OrderType.MARKET, null, null, null), USER);

            assertThat(outcome).isEqualTo(new TicketOutcome.Refused(RejectReason.AUTO_TRADING_DISABLED, "Refused: auto-trading is switched off"));
            assertThat(desk.broker.submitted()).isEmpty();
            assertThat(desk.orderAlerts(session)).singleElement().asString().contains("refused because auto-trading is switched off");
        }
    }

    @Test
    void a_limit_far_from_the_last_price_is_refused_by_the_collar() {
        try (DeskFixture desk = DeskFixture.on(CALM).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            int sent = desk.broker.submitted().size();

            TicketOutcome outcome = session.placeOrder(new OrderTicket(NVDA, Side.BUY, 5, OrderType.LIMIT, Price.parse("150.00"), null, null), USER);

            assertThat(outcome).isInstanceOfSatisfying(TicketOutcome.Refused.class, refused -> {
                assertThat(refused.reason()).isEqualTo(RejectReason.PRICE_COLLAR);
                assertThat(refused.sentence()).contains("the limit 150.00 is").contains("beyond the 5% collar");
            });
            assertThat(desk.broker.submitted()).hasSize(sent);
        }
    }

    @Test
    void a_sale_of_what_is_held_only_reduces_and_is_never_taken_beyond_flat() {
        try (DeskFixture desk = DeskFixture.on(CALM).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            long held = desk.position(session).map(Position::signedQuantity).orElseThrow();

            TicketOutcome tooMany = session.placeOrder(new OrderTicket(NVDA, Side.SELL, held + 1_000_000, OrderType.MARKET, null, null, null), USER);
            TicketOutcome all = session.placeOrder(new OrderTicket(NVDA, Side.SELL, held, OrderType.MARKET, null, null, null), USER);

            assertThat(tooMany).as("more than is held would open a short beyond the position limit")
                    .isInstanceOfSatisfying(TicketOutcome.Refused.class, refused -> assertThat(refused.reason()).isEqualTo(RejectReason.MAX_POSITION_EXCEEDED));
            assertThat(all).isInstanceOf(TicketOutcome.Sent.class);
            OrderRequest sale = desk.broker.submitted().getLast();
            assertThat(sale.side()).isEqualTo(Side.SELL);
            assertThat(sale.quantity()).isEqualTo(held);
        }
    }
}
