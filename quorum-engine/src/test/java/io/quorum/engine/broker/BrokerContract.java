package io.quorum.engine.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Broker} must do, whatever venue it talks to. An adapter's test extends this
 * class and says how to build a fresh broker and how to move the market it sees. Fills may arrive
 * asynchronously, so outcomes are awaited rather than read at once.
 */
public abstract class BrokerContract {
    protected static final Ticker TICKER = Ticker.of("AAPL");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    protected Broker broker;
    protected final List<Fill> fills = new CopyOnWriteArrayList<>();

    /** A broker with an open market, no positions and at least $100,000 of cash. */
    protected abstract Broker newBroker();

    /** Makes {@code bid}/{@code ask} the current quote of {@code ticker} as the broker sees it; the last trade is the mid. */
    protected abstract void quote(Ticker ticker, Price bid, Price ask);

    @BeforeEach
    void startWithAFreshAccount() {
        broker = newBroker();
        broker.onFill(fills::add);
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

    @Test
    void a_market_buy_fills_and_shows_as_a_position() {
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> statusOf(id("buy-1")) == OrderStatus.FILLED);
        assertThat(heldShares()).isEqualTo(10);
    }

    @Test
    void every_fill_is_reported_to_the_listeners() {
        accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        await().atMost(PATIENCE).until(() -> !fills.isEmpty());
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.clientOrderId()).isEqualTo(id("buy-1"));
            assertThat(fill.side()).isEqualTo(Side.BUY);
            assertThat(fill.quantity()).isEqualTo(10);
        });
    }

    @Test
    void submitting_the_same_client_order_id_twice_places_one_order() {
        Order first = accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));
        Order again = accepted(OrderRequest.market(id("buy-1"), TICKER, Side.BUY, 10));

        assertThat(again.brokerOrderId()).isEqualTo(first.brokerOrderId());
        await().atMost(PATIENCE).until(() -> statusOf(id("buy-1")) == OrderStatus.FILLED);
        assertThat(heldShares()).isEqualTo(10);
        assertThat(fills).hasSize(1);
    }

    @Test
    void a_limit_buy_below_the_market_rests_until_the_quote_reaches_it() {
        accepted(OrderRequest.limit(id("bid-1"), TICKER, Side.BUY, 10, Price.parse("95")));
        assertThat(statusOf(id("bid-1"))).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(heldShares()).isZero();

        quote(TICKER, Price.parse("94.90"), Price.parse("94.95"));

        await().atMost(PATIENCE).until(() -> statusOf(id("bid-1")) == OrderStatus.FILLED);
        assertThat(fills).singleElement().satisfies(fill -> assertThat(fill.price()).isLessThanOrEqualTo(Price.parse("95")));
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
}
