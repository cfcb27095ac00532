package io.quorum.adapters.alpaca.trading;

import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns what the venue says about orders, from the stream, a poll or an answer to a request, into
 * each order's {@link OrderEvent}s, each exactly once and in the order the contract wants: whatever
 * arrives twice, late or out of order. An order's filled quantity is cumulative at the venue, so a
 * fill is what it adds to the shares already reported: a repeated or older update adds nothing,
 * and one that skips ahead reports the shares it skipped with it, at the price the venue's average
 * implies. Nothing is reported after an order's final event.
 *
 * <p>Thread-safe: the stream, the poller and the callers of the broker all report here; events are
 * handed to the sink under the tracker's lock, so that the sink sees them in order. The sink must
 * not block.
 */
final class OrderTracker {
    /** Ended orders kept to drop their late updates; the oldest ended ones go first. */
    private static final int ENDED_KEPT = 10_000;
    private static final int UNNAMED_KEPT = 1_000;

    private final Consumer<OrderEvent> sink;
    private final Map<ClientOrderId, Tracked> orders = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<ClientOrderId, Tracked> eldest) { return size() > ENDED_KEPT && eldest.getValue().ended; }
    };
    /** The desk's names of the bracket legs seen, by the venue's order id: the venue names legs itself. */
    private final Map<String, ClientOrderId> legNames = new HashMap<>();
    /** Client order ids the desk has sent or asked about: the orders it may be told of. */
    private final Set<ClientOrderId> expected = new HashSet<>();
    /**
     * The latest word on orders the tracker cannot name yet, by the venue's id: a leg heard of before
     * the answer to its entry named it, or an order the desk has not asked about. Reported once named;
     * the oldest go first.
     */
    private final Map<String, VenueOrder> unnamed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, VenueOrder> eldest) { return size() > UNNAMED_KEPT; }
    };
    private long duplicatesDropped;

    OrderTracker(Consumer<OrderEvent> sink) { this.sink = Objects.requireNonNull(sink, "sink"); }

    /** One order as reported so far. */
    private static final class Tracked {
        final String brokerOrderId;
        /** What was asked; a bracket's exits come only with the views that show its legs. */
        OrderRequest request;
        final List<Fill> fills = new ArrayList<>();
        boolean accepted;
        boolean ended;
        long filled;
        long filledNotionalMicros;
        OrderStatus status = OrderStatus.ACCEPTED;
        String statusReason = "";

        Tracked(String brokerOrderId, OrderRequest request) {
            this.brokerOrderId = brokerOrderId;
            this.request = request;
        }
    }

    synchronized boolean knows(ClientOrderId id) { return orders.containsKey(id); }

    /** The desk sends or asks about {@code id}: what the venue says of it from now on is reported, and what it said before, if held back. */
    synchronized void expect(ClientOrderId id) {
        if (!expected.add(id)) return;
        for (VenueOrder held : List.copyOf(unnamed.values())) {
            if (held.request().clientOrderId().equals(id)) {
                unnamed.remove(held.id());
                observe(held, Optional.empty());
            }
        }
    }

    /** The order as reported so far, if the tracker holds it. */
    synchronized Optional<Order> order(ClientOrderId id) {
        Tracked tracked = orders.get(id);
        if (tracked == null || tracked.brokerOrderId.isEmpty()) return Optional.empty();
        return Optional.of(new Order(tracked.brokerOrderId, tracked.request, tracked.status, tracked.fills, tracked.statusReason));
    }

    /** The venue's order ids of the orders not ended yet, which a poll reads again. */
    synchronized List<String> working() {
        List<String> ids = new ArrayList<>();
        for (Tracked tracked : orders.values()) if (!tracked.ended && !tracked.brokerOrderId.isEmpty()) ids.add(tracked.brokerOrderId);
        return ids;
    }

    /** Updates that added nothing: a fill or an end already reported. */
    synchronized long duplicatesDropped() { return duplicatesDropped; }

    /** The venue refused the request when it was sent: it ends before it began. */
    synchronized void refused(OrderRequest request, RejectReason reason, String detail, Instant time) {
        if (orders.containsKey(request.clientOrderId())) return;
        Tracked tracked = new Tracked("", request);
        tracked.ended = true;
        tracked.status = OrderStatus.REJECTED;
        tracked.statusReason = detail;
        orders.put(request.clientOrderId(), tracked);
        sink.accept(new OrderEvent.Rejected(request.clientOrderId(), reason, detail, 0, time));
    }

    /**
     * What the venue says the order now is, with the fill that brought it there when the stream named
     * one. A bracketed entry's legs are taken in with it, under the names the desk knows them by.
     */
    synchronized void observe(VenueOrder reported, Optional<Execution> execution) {
        ClientOrderId legName = legNames.get(reported.id());
        ClientOrderId id = reported.request().clientOrderId();
        if (legName == null && !orders.containsKey(id) && !expected.contains(id)) {
            unnamed.put(reported.id(), reported);
            return;
        }
        VenueOrder order = legName == null ? reported : reported.named(legName);
        observeOne(order, execution);
        if (order.request().bracket() == null) return;
        for (VenueOrder leg : order.legs()) {
            BracketLeg kind = leg.request().type() == OrderType.LIMIT ? BracketLeg.TAKE_PROFIT : BracketLeg.STOP_LOSS;
            ClientOrderId name = kind.of(order.request().clientOrderId());
            legNames.put(leg.id(), name);
            observeOne(leg.named(name), Optional.empty());
            // the venue's word on the leg from before it was named, which may be newer than the entry's view of it
            VenueOrder heardBefore = unnamed.remove(leg.id());
            if (heardBefore != null) observeOne(heardBefore.named(name), Optional.empty());
        }
    }

    private void observeOne(VenueOrder order, Optional<Execution> execution) {
        ClientOrderId id = order.request().clientOrderId();
        Tracked tracked = orders.computeIfAbsent(id, key -> new Tracked(order.id(), order.request()));
        if (tracked.request.bracket() == null && order.request().bracket() != null) tracked.request = tracked.request.withBracket(order.request().bracket());
        if (tracked.ended) {
            if (order.filledQuantity() > 0 || !order.status().equals("new")) duplicatesDropped++;
            return;
        }
        Instant time = order.updatedAt();
        long quantity = tracked.request.quantity();
        if (!tracked.accepted) {
            tracked.accepted = true;
            sink.accept(new OrderEvent.Accepted(id, tracked.brokerOrderId, quantity, time));
        }
        if (order.filledQuantity() > tracked.filled) fill(tracked, order, execution);
        else if (execution.isPresent()) duplicatesDropped++;
        if (tracked.ended) return;
        long filled = tracked.filled;
        switch (order.status()) {
            case "canceled", "replaced" -> end(tracked, OrderStatus.CANCELLED, "cancelled at the venue",
                    new OrderEvent.Cancelled(id, filled, quantity - filled, time));
            case "expired", "done_for_day" -> end(tracked, OrderStatus.EXPIRED, "its time in force ran out at the venue",
                    new OrderEvent.Expired(id, filled, quantity - filled, time));
            case "rejected", "suspended" -> end(tracked, OrderStatus.REJECTED, "the venue rejected it",
                    new OrderEvent.Rejected(id, RejectReason.REFUSED_BY_BROKER, "the venue rejected the order after accepting it", filled, time));
            default -> { }
        }
    }

    /**
     * Reports the shares the order filled since the last report. When one execution brought them,
     * it is that fill, at its price. Otherwise (a poll, or an update that skipped ahead) the shares
     * are reported at the prices the venue's average implies, exact to the micro-dollar in total:
     * at most two fills, one cent-fraction apart, whose sum is what the venue says was paid.
     */
    private void fill(Tracked tracked, VenueOrder order, Optional<Execution> execution) {
        long shares = order.filledQuantity() - tracked.filled;
        Instant time = execution.map(Execution::time).orElse(order.updatedAt());
        if (execution.isPresent() && execution.get().quantity() == shares) {
            report(tracked, fillId(tracked, order.filledQuantity()), shares, execution.get().priceMicros(), time);
            return;
        }
        long totalMicros = order.filledAveragePrice().multiply(BigDecimal.valueOf(order.filledQuantity())).movePointRight(Price.SCALE)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        long addedMicros = Math.subtractExact(totalMicros, tracked.filledNotionalMicros);
        long price = Math.floorDiv(addedMicros, shares);
        long atOneMicroMore = addedMicros - price * shares;
        if (atOneMicroMore > 0) report(tracked, fillId(tracked, order.filledQuantity() - atOneMicroMore), shares - atOneMicroMore, price, time);
        report(tracked, fillId(tracked, order.filledQuantity()), atOneMicroMore > 0 ? atOneMicroMore : shares,
                atOneMicroMore > 0 ? price + 1 : price, time);
    }

    /**
     * A fill's id: the venue's order id and the filled quantity it brings the order to. Whoever
     * reports that fill (the stream, a poll, a broker started afresh after a restart) names it the
     * same, so the desk can tell it has booked it already.
     */
    private static String fillId(Tracked tracked, long filledQuantity) { return tracked.brokerOrderId + "@" + filledQuantity; }

    private void report(Tracked tracked, String fillId, long shares, long priceMicros, Instant time) {
        Fill fill = new Fill(fillId, tracked.request.clientOrderId(), tracked.request.ticker(), tracked.request.side(), shares,
                Price.ofMicros(priceMicros), Money.ZERO, time);
        tracked.fills.add(fill);
        tracked.filled += shares;
        tracked.filledNotionalMicros = Math.addExact(tracked.filledNotionalMicros, Math.multiplyExact(shares, priceMicros));
        long remaining = tracked.request.quantity() - tracked.filled;
        if (remaining == 0) {
            end(tracked, OrderStatus.FILLED, "", new OrderEvent.Filled(fill, tracked.filled));
        } else {
            tracked.status = OrderStatus.PARTIALLY_FILLED;
            sink.accept(new OrderEvent.PartiallyFilled(fill, tracked.filled, remaining));
        }
    }

    private void end(Tracked tracked, OrderStatus status, String reason, OrderEvent last) {
        tracked.ended = true;
        tracked.status = status;
        tracked.statusReason = reason;
        sink.accept(last);
    }
}
