package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The last guards between a decision and the broker: trading hours and the one-order-per-decision rule. */
class ExecutionGuardScenarioTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "after the exchange has closed,                 16:30, 16:00",
            "after the user's own trading hours have ended, 10:30, 10:00"})
    void no_order_is_placed_outside_trading_hours(String when, LocalTime at, LocalTime tradingHoursEnd) {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).tradingHoursEnd(tradingHoursEnd).build()) {
            desk.advanceTo(DeskFixture.OPEN.atZone(DeskFixture.NYSE.zone()).with(at).toInstant());
            DeskSession session = desk.analysed();

            Decision decision = session.analysisDecision().orElseThrow();
            assertThat(decision.votes()).filteredOn(vote -> vote.voter() == AgentRole.EXECUTION).singleElement().satisfies(vote -> {
                assertThat(vote.choice()).isEqualTo(VoteChoice.REJECT);
                assertThat(vote.reason()).contains("market is closed");
            });
            assertThat(decision.outcome()).as("three approvals still carry the vote").isEqualTo(Outcome.APPROVED);

            session.approve(session.proposal().orElseThrow().id(), USER);

            assertThat(desk.journal(session)).filteredOn(JournalEvent.OrderRejected.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((JournalEvent.OrderRejected) event).reason()).isEqualTo(RejectReason.OUTSIDE_TRADING_HOURS));
            AgentMessage refusal = desk.said(session, from(AgentRole.EXECUTION, MessageType.ALERT)).getFirst();
            assertThat(((Alert) refusal.content()).kind()).isEqualTo(Alert.AlertKind.ORDER_REJECTED);
            assertThat(desk.broker.submitted()).as("nothing reached the broker").isEmpty();
            assertThat(desk.position(session)).isEmpty();
        }
    }

    @ParameterizedTest(name = "executed again {0} s later")
    @CsvSource({
            "0,  1",
            "10, 2"})
    void executing_the_same_approved_decision_twice_places_one_broker_order(long secondsLater, int requestsSent) {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.analysed();
            Decision decision = session.analysisDecision().orElseThrow();
            session.approve(session.proposal().orElseThrow().id(), USER);
            desk.awaitSaid(session, tradeExecuted());

            desk.advance(Duration.ofSeconds(secondsLater));
            desk.desk.loop().run(() -> desk.desk.execution().execute(session, decision.terms(), true, "approved by " + USER + ", sent again"));

            assertThat(desk.broker.submitted()).as("within the duplicate window the pre-trade check stops the retry; after it the broker knows the order id")
                    .hasSize(requestsSent).extracting(request -> request.clientOrderId().value()).containsOnly("q-" + decision.proposalId());
            assertThat(desk.broker.brokerOrders()).hasSize(1);
            assertThat(desk.said(session, tradeExecuted())).hasSize(1);
            assertThat(desk.desk.position(session.id(), NVDA).orElseThrow().quantity()).isEqualTo(decision.terms().size().sharesGiven(0));
        }
    }
}
