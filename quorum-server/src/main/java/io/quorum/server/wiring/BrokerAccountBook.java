package io.quorum.server.wiring;

import io.quorum.adapters.alpaca.trading.AlpacaBroker;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.port.Broker;
import io.quorum.engine.port.Clock;
import io.quorum.server.api.BrokerAccountView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's account and its latest orders as the venue reports them: a read model kept on its
 * own thread ({@code broker-account}), off the engine loop. The account is read again every
 * {@code refreshEvery}; the orders follow the broker's order events, so their states are the
 * venue's (accepted, partially filled, filled, cancelled…). A request reads the last view and never
 * waits on the venue; when the venue does not answer, the last account read stands, with its time.
 */
final class BrokerAccountBook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccountBook.class);
    /** How many orders the panel shows; older ones are let go of. */
    static final int ORDERS_KEPT = 50;
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final Broker broker;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    /** The orders by id, oldest first; on the book's thread only. */
    private final Map<ClientOrderId, Tracked> orders = new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<ClientOrderId, Tracked> eldest) { return size() > ORDERS_KEPT; }
    };
    private volatile Account account;
    private volatile Instant accountAt;
    private volatile List<BrokerAccountView.VenueOrder> recent = List.of();

    /** One order as the book follows it: what was asked, where it stands, and what filled at what cost. */
    private record Tracked(OrderRequest request, OrderStatus state, long filledQuantity, long filledCostMicros, Instant updatedAt) {
        Tracked after(OrderStatus next, Fill fill, Instant at) {
            if (fill == null) return new Tracked(request, next, filledQuantity, filledCostMicros, at);
            return new Tracked(request, next, filledQuantity + fill.quantity(),
                    Math.addExact(filledCostMicros, Math.multiplyExact(fill.price().micros(), fill.quantity())), at);
        }
    }

    BrokerAccountBook(Broker broker, Clock clock, Duration refreshEvery) {
        this.broker = broker;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("broker-account").daemon().factory());
        // The broker may tell on the engine loop's or a feed's thread: the book only takes the event there.
        broker.onOrderEvent(event -> execute(() -> apply(event)));
        thread.scheduleWithFixedDelay(this::refreshAccount, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The broker in words, and its kind as the API names it. */
    static String brokerName(Broker broker) { return broker instanceof AlpacaBroker ? "Alpaca" : "Paper broker"; }

    static String brokerKind(Broker broker) { return broker instanceof AlpacaBroker ? "alpaca" : "paper"; }

    /** The account and orders as last read; {@code awaitingLiveConfirmation} is the desk's, asked by the caller. */
    BrokerAccountView view(boolean awaitingLiveConfirmation) {
        Account last = account;
        String number = last == null ? "" : last.maskedNumber();
        return new BrokerAccountView(brokerKind(broker), brokerName(broker), broker.isLive(), awaitingLiveConfirmation, number,
                last == null ? null : last.cash().toString(), last == null ? null : last.buyingPower().toString(),
                last == null ? null : last.equity().toString(), accountAt, recent);
    }

    private void refreshAccount() {
        try {
            Account read = broker.account();
            account = read;
            accountAt = clock.now();
        } catch (RuntimeException fault) {
            LOG.warn("the broker's account could not be read; the last one read stands", fault);
        }
    }

    private void apply(OrderEvent event) {
        Instant at = event.time();
        Tracked before = orders.get(event.clientOrderId());
        if (before == null) {
            Optional<OrderRequest> request = broker.findByClientOrderId(event.clientOrderId()).map(order -> order.request());
            if (request.isEmpty()) return;
            before = new Tracked(request.get(), OrderStatus.ACCEPTED, 0, 0, at);
        }
        Tracked after = switch (event) {
            case OrderEvent.Accepted accepted -> before.after(OrderStatus.ACCEPTED, null, at);
            case OrderEvent.PartiallyFilled partial -> before.after(OrderStatus.PARTIALLY_FILLED, partial.fill(), at);
            case OrderEvent.Filled filled -> before.after(OrderStatus.FILLED, filled.fill(), at);
            case OrderEvent.Rejected rejected -> before.after(OrderStatus.REJECTED, null, at);
            case OrderEvent.Cancelled cancelled -> before.after(OrderStatus.CANCELLED, null, at);
            case OrderEvent.Expired expired -> before.after(OrderStatus.EXPIRED, null, at);
        };
        orders.remove(event.clientOrderId());
        orders.put(event.clientOrderId(), after);
        publish();
    }

    private void publish() {
        List<BrokerAccountView.VenueOrder> views = new ArrayList<>(orders.size());
        for (Map.Entry<ClientOrderId, Tracked> entry : orders.entrySet()) views.add(view(entry.getKey(), entry.getValue()));
        Collections.reverse(views);
        recent = List.copyOf(views);
    }

    private static BrokerAccountView.VenueOrder view(ClientOrderId id, Tracked order) {
        OrderRequest request = order.request();
        String average = order.filledQuantity() == 0 ? null
                : BigDecimal.valueOf(order.filledCostMicros()).divide(MICROS.multiply(BigDecimal.valueOf(order.filledQuantity())), 4, RoundingMode.HALF_EVEN).toPlainString();
        boolean bracket = request.bracket() != null;
        String leg = BracketLeg.named(id).map(BracketLeg::name).orElse(null);
        return new BrokerAccountView.VenueOrder(id.value(), request.ticker().symbol(), request.side().name(), request.quantity(), request.type().name(),
                request.type() == OrderType.LIMIT || request.type() == OrderType.STOP_LIMIT ? request.limitPrice().toString() : null,
                order.state().name(), order.filledQuantity(), average, bracket || leg != null ? "VENUE" : "DESK", leg,
                bracket ? request.bracket().stopLoss().toString() : null, bracket ? request.bracket().takeProfit().toString() : null, order.updatedAt());
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            LOG.debug("the broker's account book is closed; an order event is not kept");
        }
    }

    @Override public void close() { thread.shutdownNow(); }
}
