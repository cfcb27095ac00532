package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.STARTING_CASH;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.position.Position;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An order's life at the venue, as the desk lives it: filled in parts, cancelled, expired or
 * rejected after it was accepted. Each ends with the positions and the cash its fills imply.
 */
class OrderLifecycleScenarioTest {

    @Test
    void an_order_filled_in_parts_builds_the_position_fill_by_fill_and_counts_as_one_trade() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fillsAtMost(10).build()) {
            Entry entry = approvedEntry(desk);
            DeskSession session = entry.session();
            long ordered = entry.ordered();

            desk.advance(Duration.ofSeconds(10));

            List<Fill> fills = fills(desk, session);
            assertThat(fills).hasSize((int) Math.ceil(ordered / 10.0)).allSatisfy(fill -> assertThat(fill.quantity()).isLessThanOrEqualTo(10));
            assertThat(desk.said(session, tradeExecuted())).hasSameSizeAs(fills);
            assertThat(desk.position(session).orElseThrow().quantity()).isEqualTo(ordered);
            assertThat(session.tradesToday()).isEqualTo(1);
            assertCashIsWhatTheFillsImply(desk, session);
            await().atMost(DeskFixture.PATIENCE).untilAsserted(() ->
                    assertThat(desk.desk.snapshot().session(session.id()).orElseThrow().workingQuantities()).as("nothing left working").isEmpty());
        }
    }

    @Test
    void a_fill_the_broker_tells_of_again_is_booked_once() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fillsAtMost(10).build()) {
            Entry entry = approvedEntry(desk);
            DeskSession session = entry.session();
            long ordered = entry.ordered();
            desk.advance(Duration.ofSeconds(10));
            int announced = desk.said(session, tradeExecuted()).size();

            desk.broker.reportEveryFillAgain();
            desk.advance(Duration.ofSeconds(10));

            assertThat(desk.position(session).orElseThrow().quantity()).isEqualTo(ordered);
            assertThat(desk.said(session, tradeExecuted())).hasSize(announced);
            assertCashIsWhatTheFillsImply(desk, session);
        }
    }

    @Test
    void an_order_cancelled_at_the_venue_after_a_part_filled_leaves_that_part_and_frees_the_rest() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fillsAtMost(10).build()) {
            DeskSession session = approvedEntry(desk).session();
            desk.awaitSaid(session, tradeExecuted());
            ClientOrderId entry = desk.broker.submitted().getFirst().clientOrderId();

            assertThat(desk.paper.cancel(entry)).isTrue();
            desk.advance(Duration.ofSeconds(10));

            assertThat(desk.position(session).orElseThrow().quantity()).isEqualTo(10);
            assertThat(desk.orderAlerts(session)).last().satisfies(text -> assertThat(text).contains("cancelled after 10 shares filled"));
            session.closePosition(NVDA, USER);
            desk.advance(Duration.ofSeconds(10));
            assertThat(desk.broker.submitted().getLast().quantity()).as("the close sells what was bought, not what was ordered").isEqualTo(10);
            assertThat(desk.position(session)).isEmpty();
            assertCashIsWhatTheFillsImply(desk, session);
        }
    }

    @Test
    void each_execution_says_why_its_order_was_sent_as_a_cause_the_decisions_entry_and_the_users_close_or_flatten() {
        for (boolean flatten : new boolean[] {false, true}) {
            try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
                DeskSession session = approvedEntry(desk).session();
                desk.awaitSaid(session, tradeExecuted());
                if (flatten) session.flatten(USER);
                else session.closePosition(NVDA, USER);
                desk.advance(Duration.ofSeconds(10));

                assertThat(desk.said(session, tradeExecuted())).extracting(m -> ((Update) m.content()).execution().cause())
                        .containsExactly(OrderCause.DECISION, flatten ? OrderCause.FLATTEN : OrderCause.USER_CLOSE);
            }
        }
    }

    @Test
    void an_order_still_working_at_the_close_expires_with_what_filled_by_then() {
        Instant close = DeskFixture.NYSE.sessionClose(LocalDate.of(2025, 3, 4));
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).fillsAtMost(10).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            long ordered = session.proposal().orElseThrow().size().sharesGiven(0);
            desk.advanceTo(close.minusSeconds(3));

            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.advanceTo(close.plus(Duration.ofMinutes(5)));
            // After the close no quote comes; the venue notices the expiry at its next event.
            desk.paper.onTick(desk.market.lastTick(NVDA).orElseThrow());
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.orderAlerts(session).stream().anyMatch(text -> text.contains("expired")));

            long filled = fills(desk, session).stream().mapToLong(Fill::quantity).sum();
            assertThat(filled).isPositive().isLessThan(ordered);
            assertThat(desk.position(session).map(Position::quantity)).contains(filled);
            assertCashIsWhatTheFillsImply(desk, session);
        }
    }

    @Test
    void an_order_the_venue_rejects_after_accepting_it_frees_its_quantity_and_is_journaled_and_said() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            desk.broker.holdNext();
            session.approve(session.proposal().orElseThrow().id(), USER);
            OrderRequest entry = desk.broker.submitted().getFirst();
            await().atMost(DeskFixture.PATIENCE).untilAsserted(() ->
                    assertThat(desk.desk.snapshot().session(session.id()).orElseThrow().workingQuantities()).containsEntry(NVDA, entry.quantity()));

            desk.broker.rejectHeld(RejectReason.INSUFFICIENT_BUYING_POWER, "the venue's margin check failed");
            desk.advance(Duration.ofSeconds(2));

            assertThat(desk.journal(session)).filteredOn(JournalEvent.OrderRejected.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((JournalEvent.OrderRejected) e).clientOrderId()).isEqualTo(entry.clientOrderId()));
            assertThat(desk.orderAlerts(session)).last().satisfies(text -> assertThat(text).contains("rejected").contains("margin check failed"));
            assertThat(desk.position(session)).isEmpty();
            await().atMost(DeskFixture.PATIENCE).untilAsserted(() ->
                    assertThat(desk.desk.snapshot().session(session.id()).orElseThrow().workingQuantities()).isEmpty());
            assertCashIsWhatTheFillsImply(desk, session);
        }
    }

    @Test
    void equity_is_the_cash_plus_every_position_at_its_last_price_between_fills_too() {
        ScriptedPrices rise = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(6)).moveTo("104.00", Duration.ofMinutes(2));
        try (DeskFixture desk = DeskFixture.on(rise).build()) {
            DeskSession session = approvedEntry(desk).session();
            desk.awaitSaid(session, tradeExecuted());

            desk.advance(Duration.ofMinutes(3));

            Position held = desk.position(session).orElseThrow();
            assertThat(held.lastPrice()).isEqualTo(Price.parse("104.00"));
            assertThat(desk.desk.equity()).isEqualTo(desk.paper.account().cash().plus(held.lastPrice().times(held.quantity())));
        }
    }

    /** The session the user approved the desk's proposal in, and the shares that proposal orders. */
    private record Entry(DeskSession session, long ordered) {}

    /** Analyses NVDA five minutes into the day and approves the desk's proposal as the user: where each order's life here begins. */
    private static Entry approvedEntry(DeskFixture desk) {
        desk.advance(Duration.ofMinutes(5));
        DeskSession session = desk.analysed();
        long ordered = session.proposal().orElseThrow().size().sharesGiven(0);
        session.approve(session.proposal().orElseThrow().id(), USER);
        return new Entry(session, ordered);
    }

    private static List<Fill> fills(DeskFixture desk, DeskSession session) {
        return desk.journal(session).stream().filter(JournalEvent.OrderFilled.class::isInstance).map(e -> ((JournalEvent.OrderFilled) e).fill()).toList();
    }

    private static void assertCashIsWhatTheFillsImply(DeskFixture desk, DeskSession session) {
        Money cash = STARTING_CASH;
        for (Fill fill : fills(desk, session)) cash = cash.plus(fill.cashDelta());
        assertThat(desk.paper.account().cash()).isEqualTo(cash);
    }
}
