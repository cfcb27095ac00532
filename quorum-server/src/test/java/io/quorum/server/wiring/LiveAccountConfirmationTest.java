package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.Actor;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.DeskException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A live account through the API: the panel says it waits for its number, a wrong one is refused in words, the right one lets the desk trade. */
class LiveAccountConfirmationTest {
    private static final Actor USER = new Actor("user", "test");
    private static final String NUMBER = "PA3X9KZL2WQ1";

    @Test
    void a_live_account_waits_for_its_number_and_a_wrong_one_is_refused_with_a_sentence() {
        PaperBroker paper = PaperBroker.inMemory(new ManualClock(Instant.parse("2025-03-03T15:00:00Z")), ExchangeCalendar.NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(50_000)));
        try (EmbeddedDesk embedded = EmbeddedDesk.onSimulatedMarket(42, 60, null, new BrokerChoice.Venue(new LiveAccount(paper)), DeskSettings.defaults());
             DeskService service = new DeskService(embedded.desk(), embedded.journal(), Duration.ofMillis(100))) {
            await().until(() -> service.brokerAccount().asOf() != null);
            BrokerAccountView before = service.brokerAccount();
            assertThat(before.live()).isTrue();
            assertThat(before.awaitingLiveConfirmation()).isTrue();
            assertThat(before.accountNumber()).isEqualTo("…2WQ1");

            assertThatThrownBy(() -> service.confirmLiveAccount("PA3X9KZL2WQ7", USER)).isInstanceOfSatisfying(DeskException.Invalid.class,
                    invalid -> assertThat(invalid.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("accountNumber");
                        assertThat(error.message()).startsWith("That is not the number of the account the desk trades");
                    }));
            assertThat(service.brokerAccount().awaitingLiveConfirmation()).isTrue();

            assertThat(service.confirmLiveAccount(NUMBER, USER).awaitingLiveConfirmation()).isFalse();
        }
    }

    @Test
    void a_paper_account_needs_no_confirmation_and_says_so() {
        try (EmbeddedDesk embedded = new EmbeddedDesk(42, 60, null, null, DeskSettings.defaults());
             DeskService service = new DeskService(embedded.desk(), embedded.journal())) {
            assertThat(service.brokerAccount().live()).isFalse();
            assertThatThrownBy(() -> service.confirmLiveAccount(NUMBER, USER)).isInstanceOf(DeskException.Conflict.class)
                    .hasMessage("the paper account needs no confirmation: it trades no real money");
        }
    }

    /** The paper broker's book as a live account numbered {@link #NUMBER}. */
    private record LiveAccount(Broker paper) implements Broker {
        @Override public Submission submit(OrderRequest request) { return paper.submit(request); }

        @Override public Optional<Order> findByClientOrderId(ClientOrderId id) { return paper.findByClientOrderId(id); }

        @Override public boolean cancel(ClientOrderId id) { return paper.cancel(id); }

        @Override public boolean answersInProcess() { return paper.answersInProcess(); }

        @Override public List<BrokerPosition> positions() { return paper.positions(); }

        @Override public Account account() {
            Account account = paper.account();
            return new Account(NUMBER, account.cash(), account.buyingPower(), account.equity());
        }

        @Override public void onOrderEvent(Consumer<OrderEvent> listener) { paper.onOrderEvent(listener); }

        @Override public boolean isLive() { return true; }
    }
}
