package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.decided;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.UserAction.Action;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Update;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The journal is the audit trail: every word of the session in bus order, and every user action with who took it. */
class AuditTrailScenarioTest {

    @Test
    void every_message_is_journaled_in_bus_order_and_every_user_action_with_its_actor() {
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));
            desk.awaitSaid(session, tradeExecuted().and(message -> ((Update) message.content()).execution().reason().equals("approved by the desk")));
            session.disableAutoTrading(USER);
            desk.awaitSaid(session, message -> message.content() instanceof Update update && update.text().contains("switched off"));

            List<JournalEvent> journal = desk.journal(session);
            long[] busSeqs = desk.conversation(session).stream().mapToLong(AgentMessage::seq).toArray();
            assertThat(busSeqs).as("no message missing, none out of order").containsExactly(LongStream.rangeClosed(1, busSeqs.length).toArray());
            assertThat(desk.said(session, decided(Outcome.APPROVED))).hasSize(2);

            assertThat(journal).filteredOn(JournalEvent.UserAction.class::isInstance).map(JournalEvent.UserAction.class::cast)
                    .extracting(action -> action.actor() + " " + action.action())
                    .containsExactly(USER + " " + Action.START_SESSION, USER + " " + Action.APPROVE_PROPOSAL,
                            USER + " " + Action.ENABLE_AUTO_TRADING, USER + " " + Action.DISABLE_AUTO_TRADING);
            assertThat(journal).filteredOn(event -> event instanceof JournalEvent.OrderIntended || event instanceof JournalEvent.OrderPlaced
                            || event instanceof JournalEvent.OrderFilled).extracting(JournalEvent::kind)
                    .as("each order's intent is on record before it is placed, and before it fills")
                    .containsExactly(JournalEvent.Kind.ORDER_INTENDED, JournalEvent.Kind.ORDER_PLACED, JournalEvent.Kind.ORDER_FILLED,
                            JournalEvent.Kind.ORDER_INTENDED, JournalEvent.Kind.ORDER_PLACED, JournalEvent.Kind.ORDER_FILLED);
        }
    }
}
