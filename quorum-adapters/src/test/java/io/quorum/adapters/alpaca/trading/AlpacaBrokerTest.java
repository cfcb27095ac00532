package io.quorum.adapters.alpaca.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.alpaca.trading.AlpacaTradingServer.Fault;
import io.quorum.adapters.alpaca.trading.AlpacaTradingServer.FillDelivery;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Alpaca broker does when the venue's answer does not say what happened, when the stream
 * repeats itself or goes quiet, and when the venue says no: never a second order, never a fill
 * taken twice, and a refusal in words.
 */
class AlpacaBrokerTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final ClientOrderId ID = ClientOrderId.of("d-17-open");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T15:00:00Z"));
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private AlpacaTradingServer server;
    private AlpacaBroker broker;

    private void open(long maxFillQuantity) {
        server = new AlpacaTradingServer(clock, Money.ofDollars(100_000), maxFillQuantity);
        broker = AlpacaBroker.start(server.settings(), AlpacaTradingServer.keys(), clock);
        broker.onOrderEvent(events::add);
        TradingStreams.awaitListening(broker);
        server.quote(AAPL, Price.parse("99.99"), Price.parse("100.01"));
    }

    @AfterEach
    void closeTheVenue() {
        if (broker != null) broker.close();
        if (server != null) server.close();
    }

    private List<Fill> fills() {
        List<Fill> fills = new ArrayList<>();
        for (OrderEvent event : events) {
            if (event instanceof OrderEvent.PartiallyFilled part) fills.add(part.fill());
            if (event instanceof OrderEvent.Filled last) fills.add(last.fill());
        }
        return fills;
    }

    private long filledShares() { return fills().stream().mapToLong(Fill::quantity).sum(); }

    /** Whether the order under test has ended: a bracket's legs, which go on working after it, have events of their own. */
    private boolean ended() { return events.stream().anyMatch(event -> event.clientOrderId().equals(ID) && event.isFinal()); }

    private void placedOnceAndFilledOnce(Submission submission, int posts) {
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        await().atMost(PATIENCE).until(this::ended);
        assertThat(server.ordersPlaced(ID)).isEqualTo(1);
        assertThat(server.posts()).hasSize(posts);
        assertThat(filledShares()).isEqualTo(10);
        assertThat(server.venuePositions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(10));
        assertThat(events.stream().filter(event -> event instanceof OrderEvent.Accepted)).hasSize(1);
    }

    /** The venue placed the order, then its answer was lost: too late, cut off, or a 5xx. */
    static Stream<Fault> answersLostAfterPlacing() {
        return Stream.of(new Fault.AcceptThenAnswerLate(Duration.ofMillis(1_500)), new Fault.AcceptThenDropTheConnection(), new Fault.AcceptThenFail(500));
    }

    @ParameterizedTest
    @MethodSource("answersLostAfterPlacing")
    void an_order_the_venue_placed_before_its_answer_was_lost_is_found_by_its_client_order_id_and_not_sent_again(Fault fault) {
        open(Long.MAX_VALUE);
        server.script(fault);

        Submission submission = broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10));

        placedOnceAndFilledOnce(submission, 1);
        assertThat(broker.stats().unknownOutcomes()).isEqualTo(1);
        assertThat(broker.stats().placedAgain()).isZero();
    }

    @Test
    void an_order_the_venue_never_saw_is_placed_again_once_the_lookup_says_so() {
        open(Long.MAX_VALUE);
        server.script(new Fault.FailBeforePlacing(503));

        Submission submission = broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10));

        placedOnceAndFilledOnce(submission, 2);
        assertThat(broker.stats().placedAgain()).isEqualTo(1);
    }

    @Test
    void a_rate_limit_is_waited_out_and_counted() {
        open(Long.MAX_VALUE);
        server.script(new Fault.FailBeforePlacing(429));

        Submission submission = broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10));

        placedOnceAndFilledOnce(submission, 2);
        assertThat(broker.stats().throttled()).isEqualTo(1);
        assertThat(broker.stats().unknownOutcomes()).as("a 429 was never carried out: no lookup needed").isZero();
    }

    @Test
    void a_fill_the_stream_delivers_twice_is_taken_once() {
        open(4);
        server.deliverFills(FillDelivery.TWICE);

        broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10));
        server.quote(AAPL, Price.parse("99.99"), Price.parse("100.01"));
        server.quote(AAPL, Price.parse("99.99"), Price.parse("100.01"));

        await().atMost(PATIENCE).until(this::ended);
        assertThat(fills()).extracting(Fill::quantity).containsExactly(4L, 4L, 2L);
        await().atMost(PATIENCE).until(() -> broker.stats().duplicatesDropped() >= 3);
        assertThat(fills()).hasSize(3);
    }

    @Test
    void fills_the_stream_delivers_out_of_order_are_each_taken_once_at_the_price_paid() {
        open(4);
        server.deliverFills(FillDelivery.REVERSED);
        broker.submit(OrderRequest.limit(ID, AAPL, Side.BUY, 10, Price.parse("100.05")));
        server.quote(AAPL, Price.parse("99.99"), Price.parse("100.02"));
        server.quote(AAPL, Price.parse("99.99"), Price.parse("100.03"));

        server.releaseHeldFills();

        await().atMost(PATIENCE).until(this::ended);
        assertThat(filledShares()).isEqualTo(10);
        Money paid = Money.ZERO;
        for (Fill fill : fills()) paid = paid.plus(fill.price().times(fill.quantity()));
        assertThat(paid).isEqualTo(Money.ofDollars(100_000).minus(server.venueAccount().cash()));
        await().atMost(PATIENCE).until(() -> broker.stats().duplicatesDropped() >= 2);
        assertThat(filledShares()).as("the older fills, arriving last, add nothing").isEqualTo(10);
    }

    @Test
    void while_the_stream_is_down_the_working_orders_are_polled_and_their_fills_still_arrive() {
        open(Long.MAX_VALUE);
        broker.submit(OrderRequest.limit(ID, AAPL, Side.BUY, 10, Price.parse("95")));
        server.refuseStream(true);
        await().atMost(PATIENCE).until(() -> !broker.stats().streamListening());

        server.quote(AAPL, Price.parse("94.90"), Price.parse("94.95"));

        await().atMost(PATIENCE).until(this::ended);
        assertThat(events.getLast()).isInstanceOfSatisfying(OrderEvent.Filled.class, filled -> assertThat(filled.fill().price()).isEqualTo(Price.parse("94.95")));
        assertThat(broker.stats().polls()).isPositive();
        server.refuseStream(false);
        TradingStreams.awaitListening(broker);
        assertThat(fills()).hasSize(1);
    }

    @Test
    void a_broker_started_afresh_as_after_a_restart_names_an_orders_fill_as_the_one_before_did() {
        open(Long.MAX_VALUE);
        broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10));
        await().atMost(PATIENCE).until(this::ended);

        try (AlpacaBroker restarted = AlpacaBroker.start(server.settings(), AlpacaTradingServer.keys(), clock)) {
            assertThat(restarted.findByClientOrderId(ID).orElseThrow().fills()).extracting(Fill::fillId).containsExactlyElementsOf(
                    fills().stream().map(Fill::fillId).toList());
        }
    }

    @Test
    void an_entry_with_a_bracket_goes_to_the_venue_as_a_bracket_order_that_keeps_its_exits_there() {
        open(Long.MAX_VALUE);
        Bracket exits = new Bracket(Price.parse("110"), Price.parse("95"));

        Submission submission = broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10).withBracket(exits));

        assertThat(submission).isInstanceOfSatisfying(Submission.Accepted.class, accepted -> assertThat(accepted.order().request().bracket()).isEqualTo(exits));
        assertThat(TradingJson.tree(server.posts().getFirst()).path("order_class").asText()).isEqualTo("bracket");
        await().atMost(PATIENCE).until(this::ended);
        assertThat(filledShares()).isEqualTo(10);
        await().atMost(PATIENCE).until(() -> events.stream().anyMatch(event -> event.clientOrderId().equals(BracketLeg.STOP_LOSS.of(ID))));
        assertThat(broker.findByClientOrderId(BracketLeg.STOP_LOSS.of(ID))).as("the venue's leg, under the desk's name for it")
                .hasValueSatisfying(leg -> assertThat(leg.request()).isEqualTo(OrderRequest.stop(BracketLeg.STOP_LOSS.of(ID), AAPL, Side.SELL, 10, Price.parse("95"))));
    }

    @Test
    void a_broker_started_afresh_finds_the_legs_of_a_bracket_through_their_entry() {
        open(Long.MAX_VALUE);
        broker.submit(OrderRequest.market(ID, AAPL, Side.BUY, 10).withBracket(new Bracket(Price.parse("110"), Price.parse("95"))));
        await().atMost(PATIENCE).until(this::ended);

        try (AlpacaBroker restarted = AlpacaBroker.start(server.settings(), AlpacaTradingServer.keys(), clock)) {
            List<OrderEvent> heard = new CopyOnWriteArrayList<>();
            restarted.onOrderEvent(heard::add);
            assertThat(restarted.findByClientOrderId(BracketLeg.TAKE_PROFIT.of(ID)).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
            TradingStreams.awaitListening(restarted);

            server.quote(AAPL, Price.parse("94.89"), Price.parse("94.91"));

            await().atMost(PATIENCE).until(() -> heard.stream().anyMatch(event -> event instanceof OrderEvent.Filled filled && filled.clientOrderId().equals(BracketLeg.STOP_LOSS.of(ID))));
            assertThat(restarted.findByClientOrderId(BracketLeg.TAKE_PROFIT.of(ID)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(server.venuePositions()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # status | the venue's message                                   | the desk's reason
            403      | insufficient buying power                             | INSUFFICIENT_BUYING_POWER
            403      | trade denied due to pattern day trading protection    | PATTERN_DAY_TRADER
            403      | market is closed                                      | OUTSIDE_TRADING_HOURS
            422      | asset "XYZ" is not tradable                           | NOT_TRADABLE
            403      | asset AAPL cannot be sold short                       | SHORT_NOT_ALLOWED
            422      | qty must be > 0                                       | INVALID_ORDER
            """)
    void a_refusal_of_the_venue_reads_as_the_desks_reason_in_words(int status, String message, RejectReason reason) {
        open(Long.MAX_VALUE);
        server.script(new Fault.Refuse(status, 40310000, message));

        Submission submission = broker.submit(OrderRequest.market(ID, AAPL, Side.SELL, 10));

        assertThat(submission).isEqualTo(new Submission.Rejected(reason, message));
        await().atMost(PATIENCE).until(this::ended);
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderEvent.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.detail()).isEqualTo(message);
        });
        assertThat(reason.sentence()).doesNotContain("Exception");
    }
}
