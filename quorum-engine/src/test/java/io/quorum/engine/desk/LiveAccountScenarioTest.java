package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.Side;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A live account trades only once the user has typed its number. */
class LiveAccountScenarioTest {
    private static final ScriptedPrices CALM = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(30));
    private static final String NUMBER = "PA3X9KZL2WQ1";

    @Test
    void a_live_account_refuses_every_entry_until_its_number_is_confirmed() {
        try (DeskFixture desk = DeskFixture.on(CALM).liveAccount(NUMBER).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();

            assertThat(desk.desk.awaitsLiveConfirmation()).isTrue();
            assertThat(desk.broker.submitted()).as("the approval's trade stays home").isEmpty();
            assertThat(desk.orderAlerts(session)).singleElement().asString()
                    .contains("refused because live trading has not been confirmed with the account number yet");
            assertThat(session.placeOrder(new OrderTicket(NVDA, Side.BUY, 1, OrderType.MARKET, null, null, null), USER))
                    .isInstanceOfSatisfying(TicketOutcome.Refused.class, refused -> assertThat(refused.sentence()).contains("type its account number"));
        }
    }

    @Test
    void a_wrong_number_is_refused_with_a_sentence_and_the_right_one_lets_the_desk_trade() {
        try (DeskFixture desk = DeskFixture.on(CALM).liveAccount(NUMBER).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();

            LiveConfirmation wrong = desk.desk.confirmLiveAccount("PA3X9KZL2WQ7", USER);
            LiveConfirmation right = desk.desk.confirmLiveAccount(" " + NUMBER + " ", USER);
            LiveConfirmation again = desk.desk.confirmLiveAccount(NUMBER, USER);

            assertThat(wrong).isInstanceOfSatisfying(LiveConfirmation.Refused.class,
                    refused -> assertThat(refused.sentence()).startsWith("That is not the number of the account the desk trades"));
            assertThat(right).isEqualTo(new LiveConfirmation.Confirmed("…2WQ1"));
            assertThat(again).isInstanceOf(LiveConfirmation.NotAwaited.class);
            assertThat(desk.desk.awaitsLiveConfirmation()).isFalse();
            assertThat(desk.journal(session)).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(JournalEvent.UserAction.class, action -> {
                assertThat(action.action()).isEqualTo(JournalEvent.UserAction.Action.CONFIRM_LIVE_ACCOUNT);
                assertThat(action.detail()).isEqualTo("account …2WQ1");
            }));
            assertThat(session.placeOrder(new OrderTicket(NVDA, Side.BUY, 3, OrderType.MARKET, null, null, null), USER)).isInstanceOf(TicketOutcome.Sent.class);
            desk.awaitSaid(session, tradeExecuted());
        }
    }

    @Test
    void a_paper_account_needs_no_confirmation() {
        try (DeskFixture desk = DeskFixture.on(CALM).build()) {
            assertThat(desk.desk.awaitsLiveConfirmation()).isFalse();
            assertThat(desk.desk.confirmLiveAccount("anything", USER)).isInstanceOf(LiveConfirmation.NotAwaited.class);
        }
    }
}
