package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.api.BrokerAccountView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The account panel's read model: the venue's words for each order, and no call to the venue for a read. */
class BrokerAccountBookTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant OPEN = Instant.parse("2025-03-03T15:00:00Z");

    private final ManualClock clock = new ManualClock(OPEN);
    private final PaperBroker paper = PaperBroker.inMemory(clock, ExchangeCalendar.NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
    private final CountingBroker broker = new CountingBroker(paper);

    @Test
    void reading_the_panel_a_thousand_times_asks_the_broker_nothing() {
        try (BrokerAccountBook book = new BrokerAccountBook(broker, clock, Duration.ofHours(1))) {
            await().until(() -> book.view(false).asOf() != null);
            int reads = broker.accountReads.get();

            for (int i = 0; i < 1_000; i++) book.view(false);

            assertThat(broker.accountReads.get()).isEqualTo(reads);
            assertThat(book.view(false)).satisfies(view -> {
                assertThat(view.broker()).isEqualTo("paper");
                assertThat(view.brokerName()).isEqualTo("Paper broker");
                assertThat(view.live()).isFalse();
                assertThat(view.accountNumber()).isEqualTo(Account.PAPER_NUMBER);
                assertThat(view.cash()).isEqualTo("100000.00");
                assertThat(view.buyingPower()).isNotNull();
            });
        }
    }

    @Test
    void each_order_shows_the_venues_state_newest_first_with_who_keeps_its_stops() {
        try (BrokerAccountBook book = new BrokerAccountBook(broker, clock, Duration.ofHours(1))) {
            paper.onTick(new Tick(AAPL, OPEN.toEpochMilli(), 100_000_000, 99_990_000, 100_010_000, 100));
            broker.submit(OrderRequest.market(ClientOrderId.of("first"), AAPL, Side.BUY, 10));
            broker.submit(OrderRequest.limit(ClientOrderId.of("resting"), AAPL, Side.BUY, 5, Price.parse("90.00")));

            await().until(() -> book.view(false).orders().size() == 2);

            assertThat(book.view(false).orders()).extracting(BrokerAccountView.VenueOrder::clientOrderId, BrokerAccountView.VenueOrder::state,
                            BrokerAccountView.VenueOrder::filledQuantity, BrokerAccountView.VenueOrder::stopsKeptBy)
                    .containsExactly(Tuple.tuple("resting", "ACCEPTED", 0L, "DESK"),
                            Tuple.tuple("first", "FILLED", 10L, "DESK"));
            assertThat(book.view(false).orders().getLast().averagePrice()).isEqualTo("100.0100");

            broker.cancel(ClientOrderId.of("resting"));

            await().until(() -> book.view(false).orders().getFirst().state().equals("CANCELLED"));
        }
    }

    /** The paper broker, counting the reads of its account. */
    private static final class CountingBroker implements Broker {
        private final Broker broker;
        final AtomicInteger accountReads = new AtomicInteger();

        CountingBroker(Broker broker) { this.broker = broker; }

        @Override public Submission submit(OrderRequest request) { return broker.submit(request); }

        @Override public Optional<Order> findByClientOrderId(ClientOrderId id) { return broker.findByClientOrderId(id); }

        @Override public boolean cancel(ClientOrderId id) { return broker.cancel(id); }

        @Override public boolean answersInProcess() { return broker.answersInProcess(); }

        @Override public List<BrokerPosition> positions() { return broker.positions(); }

        @Override public Account account() {
            accountReads.incrementAndGet();
            return broker.account();
        }

        @Override public void onOrderEvent(Consumer<OrderEvent> listener) { broker.onOrderEvent(listener); }
    }
}
