package io.quorum.engine.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Broker} must do, whatever venue it talks to. An adapter's test extends this
 * class and says how to build a fresh broker and how to move the market it sees. Order events may
 * arrive asynchronously, so outcomes are awaited rather than read at once.
 */
public abstract class BrokerContract {
    protected static final Ticker TICKER = Ticker.of("AAPL");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    protected Broker broker;
    protected final List<OrderEvent> events = new CopyOnWriteArrayList<>();

    /**
     * A broker with no positions and at least $100,000 of cash, that fills every order at once, its
     * clock in the morning of a trading day: the market is open and stays open until {@link #passTheClose}.
     */
    protected abstract Broker newBroker();

    /**
     * The same, on a market that fills at most {@code maxFillQuantity} shares of an order per quote,
     * so that larger orders fill in parts. It may charge commissions.
     */
    protected abstract Broker newBroker(long maxFillQuantity);

    /** Makes {@code bid}/{@code ask} the current quote of {@code ticker} as the broker sees it; the last trade is the mid. */
    protected abstract void quote(Ticker ticker, Price bid, Price ask);

    /** Moves the broker's clock past the close of today's session. */
    protected abstract void passTheClose();

    /** The same as {@link #newBroker()}, keeping the exits of bracketed entries at the venue ({@link Broker#keepsBrackets}). */
    protected abstract Broker newBrokerKeepingBrackets();

    /** Lets go of what a broker made by {@code newBroker} holds; the property tests make many. */
    protected void release(Broker finished) {}

    @BeforeEach
    void startWithAFreshAccount() { open(newBroker()); }

    private void open(Broker fresh) {
        broker = fresh;
        events.clear();
        broker.onOrderEvent(events::add);
        quote(TICKER, Price.parse("99.99"), Price.parse("100.01"));
    }

    private static ClientOrderId id(String value) { return ClientOrderId.of(value); }

    private Order accepted(OrderRequest request) {
        Submission submission = broker.submit(request);
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).order();
    }

    private OrderStatus statusOf(ClientOrderId id) { return broker.findByClientOrderId(id).orElseThrow().status(); }

    private long heldShares() {
        for (BrokerPosition position : broker.positions()) {
            if (position.ticker().equals(TICKER)) return position.quantity();
        }
        return 0;
    }

    private List<Fill> fills() { return fillsIn(events); }

    private static List<Fill> fillsIn(List<OrderEvent> reported) {
        List<Fill> fills = new ArrayList<>();
        for (OrderEvent event : reported) {
            if (event instanceof OrderEvent.PartiallyFilled partiallyFilled) fills.add(partiallyFilled.fill());
            if (event instanceof OrderEvent.Filled filled) fills.add(filled.fill());
        }
        return fills;
    }

    private List<OrderEvent> eventsOf(ClientOrderId id) {
        List<OrderEvent> of = new ArrayList<>();
        for (OrderEvent event : events) {
            if (event.clientOrderId().equals(id)) of.add(event);
        }
        return of;
    }

    private boolean ended(ClientOrderId id) {
        List<OrderEvent> of = eventsOf(id);
        return !of.isEmpty() && of.getLast().isFinal();
    }

    @Test
    void a_market_buy_fills_and_shows_as_a_position() {
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> statusOf(id("buy-1")) == OrderStatus.FILLED);
        assertThat(heldShares()).isEqualTo(10);
    }

    @Test
    void every_fill_is_reported_to_the_listeners() {
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> !fills().isEmpty());
        assertThat(fills()).singleElement().satisfies(fill -> {
            assertThat(fill.clientOrderId()).isEqualTo(id("buy-1"));
            assertThat(fill.side()).isEqualTo(Side.BUY);
            assertThat(fill.quantity()).isEqualTo(10);
        });
    }

    @Test
    void an_accepted_order_is_reported_accepted_before_it_fills() {
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> ended(id("buy-1")));
        assertThat(eventsOf(id("buy-1"))).hasSize(2).satisfiesExactly(
                first -> assertThat(first).isInstanceOfSatisfying(OrderEvent.Accepted.class, accepted -> assertThat(accepted.quantity()).isEqualTo(10)),
                last -> assertThat(last).isInstanceOfSatisfying(OrderEvent.Filled.class, filled -> assertThat(filled.filledQuantity()).isEqualTo(10)));
    }

    @Test
    void an_order_refused_when_sent_is_reported_rejected_and_nothing_follows() {
        Submission submission = broker.submit(OrderRequest.market(id("whale-1"), TICKER, Side.BUY, 100_000_000));
        quote(TICKER, Price.parse("99.98"), Price.parse("100.00"));

        assertThat(submission).isInstanceOf(Submission.Rejected.class);
        await().atMost(PATIENCE).until(() -> !eventsOf(id("whale-1")).isEmpty());
        assertThat(eventsOf(id("whale-1"))).singleElement().isInstanceOfSatisfying(OrderEvent.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
            assertThat(rejected.filledQuantity()).isZero();
        });
    }

    @Test
    void submitting_the_same_client_order_id_twice_places_one_order() {
        Order first = accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));
        Order again = accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        assertThat(again.brokerOrderId()).isEqualTo(first.brokerOrderId());
        await().atMost(PATIENCE).until(() -> statusOf(id("buy-1")) == OrderStatus.FILLED);
        assertThat(heldShares()).isEqualTo(10);
        assertThat(fills()).hasSize(1);
        assertThat(eventsOf(id("buy-1"))).as("a retry adds no event").hasSize(2);
    }

    @Test
    void an_order_larger_than_the_market_fills_in_parts_that_add_up_to_its_quantity() {
        open(newBroker(4));

        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));
        quote(TICKER, Price.parse("99.99"), Price.parse("100.01"));
        quote(TICKER, Price.parse("99.99"), Price.parse("100.01"));

        await().atMost(PATIENCE).until(() -> ended(id("buy-1")));
        assertThat(eventsOf(id("buy-1"))).satisfiesExactly(
                accepted -> assertThat(accepted).isInstanceOf(OrderEvent.Accepted.class),
                part -> assertThat(part).isEqualTo(partiallyFilled(part, 4, 4, 6)),
                part -> assertThat(part).isEqualTo(partiallyFilled(part, 4, 8, 2)),
                last -> assertThat(last).isInstanceOfSatisfying(OrderEvent.Filled.class, filled -> {
                    assertThat(filled.fill().quantity()).isEqualTo(2);
                    assertThat(filled.filledQuantity()).isEqualTo(10);
                }));
        assertThat(fills()).extracting(Fill::quantity).containsExactly(4L, 4L, 2L);
        assertThat(heldShares()).isEqualTo(10);
        assertThat(broker.findByClientOrderId(id("buy-1")).orElseThrow().filledQuantity()).isEqualTo(10);
    }

    /** The event as it must be, built from the fill it carries: a partial fill of {@code shares}, with the totals given. */
    private static OrderEvent partiallyFilled(OrderEvent actual, long shares, long filled, long remaining) {
        assertThat(actual).isInstanceOf(OrderEvent.PartiallyFilled.class);
        Fill fill = ((OrderEvent.PartiallyFilled) actual).fill();
        assertThat(fill.quantity()).isEqualTo(shares);
        return new OrderEvent.PartiallyFilled(fill, filled, remaining);
    }

    @Test
    void nothing_follows_a_final_event() {
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));
        await().atMost(PATIENCE).until(() -> ended(id("buy-1")));
        int seen = eventsOf(id("buy-1")).size();

        assertThat(broker.cancel(id("buy-1"))).as("already filled").isFalse();
        quote(TICKER, Price.parse("94.90"), Price.parse("94.95"));
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        assertThat(eventsOf(id("buy-1"))).hasSize(seen);
    }

    @Test
    void a_limit_buy_below_the_market_rests_until_the_quote_reaches_it() {
        accepted(OrderRequest.limit(id("bid-1"), TICKER, Side.BUY, 10, Price.parse("95")));
        assertThat(statusOf(id("bid-1"))).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(heldShares()).isZero();

        quote(TICKER, Price.parse("94.90"), Price.parse("94.95"));

        await().atMost(PATIENCE).until(() -> statusOf(id("bid-1")) == OrderStatus.FILLED);
        assertThat(fills()).singleElement().satisfies(fill -> assertThat(fill.price()).isLessThanOrEqualTo(Price.parse("95")));
    }

    @Test
    void a_cancelled_order_never_fills() {
        accepted(OrderRequest.limit(id("bid-1"), TICKER, Side.BUY, 10, Price.parse("95")));

        assertThat(broker.cancel(id("bid-1"))).isTrue();
        quote(TICKER, Price.parse("94.90"), Price.parse("94.95"));

        assertThat(statusOf(id("bid-1"))).isEqualTo(OrderStatus.CANCELLED);
        assertThat(broker.cancel(id("bid-1"))).as("already final").isFalse();
        assertThat(heldShares()).isZero();
    }

    @Test
    void cancelling_a_resting_order_reports_it_cancelled_with_nothing_filled() {
        accepted(OrderRequest.limit(id("bid-1"), TICKER, Side.BUY, 10, Price.parse("95")));

        broker.cancel(id("bid-1"));

        await().atMost(PATIENCE).until(() -> ended(id("bid-1")));
        assertThat(eventsOf(id("bid-1"))).last().isInstanceOfSatisfying(OrderEvent.Cancelled.class, cancelled -> {
            assertThat(cancelled.filledQuantity()).isZero();
            assertThat(cancelled.cancelledQuantity()).isEqualTo(10);
        });
    }

    @Test
    void cancelling_a_partly_filled_order_keeps_what_filled() {
        open(newBroker(4));
        accepted(OrderRequest.limit(id("bid-1"), TICKER, Side.BUY, 10, Price.parse("100.05")));
        await().atMost(PATIENCE).until(() -> statusOf(id("bid-1")) == OrderStatus.PARTIALLY_FILLED);

        assertThat(broker.cancel(id("bid-1"))).isTrue();
        quote(TICKER, Price.parse("99.99"), Price.parse("100.01"));

        await().atMost(PATIENCE).until(() -> ended(id("bid-1")));
        assertThat(eventsOf(id("bid-1"))).last().isEqualTo(new OrderEvent.Cancelled(id("bid-1"), 4, 6, eventsOf(id("bid-1")).getLast().time()));
        assertThat(heldShares()).isEqualTo(4);
        assertThat(statusOf(id("bid-1"))).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_day_order_still_resting_at_the_close_expires() {
        accepted(OrderRequest.limit(id("bid-1"), TICKER, Side.BUY, 10, Price.parse("95")));

        passTheClose();
        quote(TICKER, Price.parse("94.90"), Price.parse("94.95"));

        await().atMost(PATIENCE).until(() -> ended(id("bid-1")));
        assertThat(eventsOf(id("bid-1"))).last().isInstanceOfSatisfying(OrderEvent.Expired.class, expired -> {
            assertThat(expired.filledQuantity()).isZero();
            assertThat(expired.expiredQuantity()).isEqualTo(10);
        });
        assertThat(statusOf(id("bid-1"))).isEqualTo(OrderStatus.EXPIRED);
        assertThat(broker.cancel(id("bid-1"))).as("already final").isFalse();
        assertThat(heldShares()).isZero();
    }

    @Test
    void a_broker_that_does_not_keep_brackets_refuses_a_bracketed_entry() {
        OrderRequest entry = OrderRequest.market(id("entry-1"), TICKER, Side.BUY, 10).withBracket(new Bracket(Price.parse("110"), Price.parse("95")));

        assertThat(broker.keepsBrackets()).isFalse();
        assertThat(broker.submit(entry)).isInstanceOfSatisfying(Submission.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_ORDER));
        assertThat(heldShares()).isZero();
    }

    @Test
    void a_bracketed_entry_rests_both_exits_once_filled_and_its_stop_filling_cancels_the_target() {
        ClientOrderId entry = boughtWithABracket();
        ClientOrderId stop = BracketLeg.STOP_LOSS.of(entry);
        ClientOrderId target = BracketLeg.TAKE_PROFIT.of(entry);
        assertThat(statusOf(entry)).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.findByClientOrderId(stop).orElseThrow().request()).isEqualTo(OrderRequest.stop(stop, TICKER, Side.SELL, 10, Price.parse("95")));
        assertThat(broker.findByClientOrderId(target).orElseThrow().request()).isEqualTo(OrderRequest.limit(target, TICKER, Side.SELL, 10, Price.parse("110")));

        quote(TICKER, Price.parse("94.89"), Price.parse("94.91"));

        await().atMost(PATIENCE).until(() -> ended(stop) && ended(target));
        assertThat(eventsOf(stop)).last().isInstanceOfSatisfying(OrderEvent.Filled.class, filled -> {
            assertThat(filled.filledQuantity()).isEqualTo(10);
            assertThat(filled.fill().side()).isEqualTo(Side.SELL);
            assertThat(filled.fill().price()).isEqualTo(Price.parse("94.89"));
        });
        assertThat(eventsOf(target)).last().isInstanceOfSatisfying(OrderEvent.Cancelled.class, cancelled -> assertThat(cancelled.cancelledQuantity()).isEqualTo(10));
        assertThat(heldShares()).isZero();
    }

    @Test
    void a_bracketed_entry_whose_target_fills_cancels_its_stop() {
        ClientOrderId entry = boughtWithABracket();

        quote(TICKER, Price.parse("110.01"), Price.parse("110.03"));

        await().atMost(PATIENCE).until(() -> ended(BracketLeg.TAKE_PROFIT.of(entry)) && ended(BracketLeg.STOP_LOSS.of(entry)));
        assertThat(eventsOf(BracketLeg.TAKE_PROFIT.of(entry))).last().isInstanceOf(OrderEvent.Filled.class);
        assertThat(eventsOf(BracketLeg.STOP_LOSS.of(entry))).last().isInstanceOf(OrderEvent.Cancelled.class);
        assertThat(fills()).extracting(Fill::clientOrderId).containsExactly(entry, BracketLeg.TAKE_PROFIT.of(entry));
        assertThat(heldShares()).isZero();
    }

    @Test
    void cancelled_exits_of_a_bracket_no_longer_fill() {
        ClientOrderId entry = boughtWithABracket();

        assertThat(broker.cancel(BracketLeg.TAKE_PROFIT.of(entry))).isTrue();
        assertThat(broker.cancel(BracketLeg.STOP_LOSS.of(entry))).isTrue();
        quote(TICKER, Price.parse("90.00"), Price.parse("90.02"));

        await().atMost(PATIENCE).until(() -> ended(BracketLeg.TAKE_PROFIT.of(entry)) && ended(BracketLeg.STOP_LOSS.of(entry)));
        assertThat(statusOf(BracketLeg.STOP_LOSS.of(entry))).isEqualTo(OrderStatus.CANCELLED);
        assertThat(fills()).extracting(Fill::clientOrderId).containsExactly(entry);
        assertThat(heldShares()).isEqualTo(10);
    }

    /** On a broker that keeps brackets, 10 shares bought at market with a target of $110 and a stop of $95, their exits resting at the venue. */
    private ClientOrderId boughtWithABracket() {
        open(newBrokerKeepingBrackets());
        ClientOrderId entry = id("entry-1");
        accepted(OrderRequest.market(entry, TICKER, Side.BUY, 10).withBracket(new Bracket(Price.parse("110"), Price.parse("95"))));
        await().atMost(PATIENCE).until(() -> broker.findByClientOrderId(BracketLeg.TAKE_PROFIT.of(entry)).isPresent()
                && broker.findByClientOrderId(BracketLeg.STOP_LOSS.of(entry)).isPresent());
        return entry;
    }

    @Test
    void cancelling_an_unknown_order_is_refused() {
        assertThat(broker.cancel(id("never-sent"))).isFalse();
        assertThat(broker.findByClientOrderId(id("never-sent"))).isEmpty();
    }

    @Test
    void a_short_sale_and_its_cover_leave_no_position() {
        accepted(OrderRequest.market(id("short-1"), TICKER, Side.SELL, 10));
        await().atMost(PATIENCE).until(() -> heldShares() == -10);

        accepted(OrderRequest.market(id("cover-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> heldShares() == 0);
        assertThat(broker.positions()).noneMatch(position -> position.ticker().equals(TICKER));
    }

    @Test
    void an_order_beyond_the_buying_power_is_rejected_as_a_value() {
        Submission submission = broker.submit(OrderRequest.market(id("whale-1"), TICKER, Side.BUY, 100_000_000));

        assertThat(submission).isInstanceOfSatisfying(Submission.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER));
        assertThat(heldShares()).isZero();
    }

    @Test
    void a_buy_takes_at_least_its_notional_out_of_cash() {
        var cashBefore = broker.account().cash();

        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> statusOf(id("buy-1")) == OrderStatus.FILLED);
        assertThat(cashBefore.minus(broker.account().cash())).isGreaterThanOrEqualTo(Price.parse("99.99").times(10));
    }

    // ---- properties over random sequences of orders, quotes and cancels -----------------------------

    /** One step of a random session: an order, a new quote, or a cancel of an order sent before. */
    sealed interface Step {
        record Send(Side side, long shares, boolean limit, long offsetCents) implements Step {}

        record Quote(long midCents) implements Step {}

        record Cancel(int orderIndex) implements Step {}
    }

    @Provide
    Arbitrary<List<Step>> sessions() {
        Arbitrary<Step> send = Combinators.combine(Arbitraries.of(Side.class), Arbitraries.longs().between(1, 600), Arbitraries.of(false, true),
                Arbitraries.longs().between(-150, 150)).as(Step.Send::new);
        Arbitrary<Step> quote = Arbitraries.longs().between(9_000, 11_000).map(Step.Quote::new);
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 8).map(Step.Cancel::new);
        return Arbitraries.frequencyOf(
                Tuple.of(4, send), Tuple.of(4, quote), Tuple.of(2, cancel)).list().ofMinSize(5).ofMaxSize(30);
    }

    /**
     * Plays the steps on a fresh broker, then, if {@code endTheDay}, lets the session close and shows
     * one more quote; returns the events it reported, awaited until every sent order has its first.
     */
    private List<OrderEvent> play(Broker fresh, List<Step> steps, boolean endTheDay) {
        List<OrderEvent> seen = new CopyOnWriteArrayList<>();
        fresh.onOrderEvent(seen::add);
        long mid = 10_000;
        List<ClientOrderId> sent = new ArrayList<>();
        quoteAround(mid);
        for (Step step : steps) {
            switch (step) {
                case Step.Send send -> {
                    ClientOrderId id = ClientOrderId.of("o-" + sent.size());
                    sent.add(id);
                    fresh.submit(send.limit()
                            ? OrderRequest.limit(id, TICKER, send.side(), send.shares(), Price.ofMicros((mid + send.offsetCents()) * 10_000))
                            : OrderRequest.market(id, TICKER, send.side(), send.shares()));
                }
                case Step.Quote next -> {
                    mid = next.midCents();
                    quoteAround(mid);
                }
                case Step.Cancel cancel -> {
                    if (cancel.orderIndex() < sent.size()) fresh.cancel(sent.get(cancel.orderIndex()));
                }
            }
        }
        if (endTheDay) {
            passTheClose();
            quoteAround(mid);
        }
        await().pollDelay(Duration.ZERO).atMost(PATIENCE).until(() -> {
            for (ClientOrderId id : sent) {
                if (seen.stream().noneMatch(event -> event.clientOrderId().equals(id))) return false;
            }
            return true;
        });
        return seen;
    }

    private void quoteAround(long midCents) { quote(TICKER, Price.ofMicros((midCents - 1) * 10_000), Price.ofMicros((midCents + 1) * 10_000)); }

    private Map<ClientOrderId, List<OrderEvent>> byOrder(List<OrderEvent> seen) {
        Map<ClientOrderId, List<OrderEvent>> byOrder = new LinkedHashMap<>();
        for (OrderEvent event : seen) byOrder.computeIfAbsent(event.clientOrderId(), key -> new ArrayList<>()).add(event);
        return byOrder;
    }

    @Property(tries = 40)
    void every_order_reads_accepted_or_rejected_then_fills_then_at_most_one_end(
            @ForAll("sessions") List<Step> steps, @ForAll @LongRange(min = 1, max = 300) long maxFillQuantity, @ForAll boolean endTheDay) {
        Broker fresh = newBroker(maxFillQuantity);
        try {
            for (Map.Entry<ClientOrderId, List<OrderEvent>> order : byOrder(play(fresh, steps, endTheDay)).entrySet()) {
                List<OrderEvent> sequence = order.getValue();
                assertThat(sequence.getFirst()).isInstanceOfAny(OrderEvent.Accepted.class, OrderEvent.Rejected.class);
                for (int i = 0; i < sequence.size() - 1; i++) {
                    assertThat(sequence.get(i).isFinal()).as("nothing after a final event: %s", sequence).isFalse();
                }
                long quantity = sequence.getFirst() instanceof OrderEvent.Accepted accepted ? accepted.quantity() : 0;
                long filled = 0;
                for (OrderEvent event : sequence.subList(1, sequence.size())) {
                    switch (event) {
                        case OrderEvent.Accepted again -> throw new AssertionError("accepted twice: " + sequence);
                        case OrderEvent.PartiallyFilled part -> {
                            filled += part.fill().quantity();
                            assertThat(part.filledQuantity()).isEqualTo(filled);
                            assertThat(part.remainingQuantity()).isEqualTo(quantity - filled);
                        }
                        case OrderEvent.Filled last -> {
                            filled += last.fill().quantity();
                            assertThat(filled).as("a filled order fills its quantity exactly").isEqualTo(quantity).isEqualTo(last.filledQuantity());
                        }
                        case OrderEvent.Rejected rejected -> assertThat(rejected.filledQuantity()).isEqualTo(filled);
                        case OrderEvent.Cancelled cancelled -> assertThat(cancelled.filledQuantity() + cancelled.cancelledQuantity()).isEqualTo(quantity);
                        case OrderEvent.Expired expired -> assertThat(expired.filledQuantity() + expired.expiredQuantity()).isEqualTo(quantity);
                    }
                }
                assertThat(filled).isLessThanOrEqualTo(quantity);
            }
        } finally {
            release(fresh);
        }
    }

    @Property(tries = 40)
    void a_position_is_the_sum_of_its_fills_and_money_is_conserved_less_commissions(
            @ForAll("sessions") List<Step> steps, @ForAll @LongRange(min = 1, max = 300) long maxFillQuantity, @ForAll boolean endTheDay) {
        Broker fresh = newBroker(maxFillQuantity);
        try {
            Money startingCash = fresh.account().cash();
            List<OrderEvent> seen = play(fresh, steps, endTheDay);
            // fills may still be on their way from the venue: the books must agree once they have come
            await().pollDelay(Duration.ZERO).atMost(PATIENCE).untilAsserted(() -> {
                Map<Ticker, Long> shares = new HashMap<>();
                Money atFillPrices = Money.ZERO;
                Money commissions = Money.ZERO;
                for (Fill fill : fillsIn(seen)) {
                    shares.merge(fill.ticker(), fill.signedQuantity(), Long::sum);
                    Money notional = fill.price().times(fill.quantity());
                    atFillPrices = fill.side() == Side.BUY ? atFillPrices.plus(notional) : atFillPrices.minus(notional);
                    commissions = commissions.plus(fill.commission());
                }

                Map<Ticker, Long> held = new HashMap<>();
                for (BrokerPosition position : fresh.positions()) held.put(position.ticker(), position.quantity());
                shares.values().removeIf(quantity -> quantity == 0);
                assertThat(held).isEqualTo(shares);
                assertThat(fresh.account().cash().plus(atFillPrices)).isEqualTo(startingCash.minus(commissions));
            });
        } finally {
            release(fresh);
        }
    }
}
