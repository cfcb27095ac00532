package io.quorum.engine.decision;

import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the journal says became of one order, gathered by its client order id: the intention (the
 * request and why), the broker's acceptance, a rejection, and the fills. Any part the journal does
 * not hold is null (or empty, for fills): an order rejected by the pre-trade checks was never placed.
 * {@code status} is the last one the broker reported.
 */
public record OrderTrail(ClientOrderId clientOrderId, OrderRequest request, String intention, String brokerOrderId,
                         OrderStatus status, RejectReason rejectReason, String rejectDetail, List<Fill> fills) {
    public OrderTrail {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        fills = List.copyOf(fills);
        if ((rejectReason == null) != (rejectDetail == null)) throw new IllegalArgumentException("rejectDetail: given with a reject reason, and only then");
    }

    public boolean rejected() { return rejectReason != null; }

    public long filledQuantity() { return filledQuantity(fills); }

    /** The volume-weighted price of the fills; empty before the first fill. */
    public Optional<Price> averageFillPrice() { return averagePrice(fills); }

    static long filledQuantity(List<Fill> fills) {
        long sum = 0;
        for (Fill fill : fills) sum = Math.addExact(sum, fill.quantity());
        return sum;
    }

    /** Rounded half-even to the micro-dollar, the precision of a {@link Price}. */
    static Optional<Price> averagePrice(List<Fill> fills) {
        if (fills.isEmpty()) return Optional.empty();
        BigDecimal notionalMicros = BigDecimal.ZERO;
        for (Fill fill : fills) notionalMicros = notionalMicros.add(BigDecimal.valueOf(fill.price().micros()).multiply(BigDecimal.valueOf(fill.quantity())));
        long micros = notionalMicros.divide(BigDecimal.valueOf(filledQuantity(fills)), 0, RoundingMode.HALF_EVEN).longValueExact();
        return Optional.of(Price.ofMicros(micros));
    }
}
