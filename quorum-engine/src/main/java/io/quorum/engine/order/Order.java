package io.quorum.engine.order;

import java.util.List;
import java.util.Objects;

/** The broker's view of an order: what was asked, where it stands, and what filled. */
public record Order(String brokerOrderId, OrderRequest request, OrderStatus status, List<Fill> fills, String statusReason) {
    public Order {
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        fills = List.copyOf(fills);
        Objects.requireNonNull(statusReason, "statusReason");
    }

    public ClientOrderId clientOrderId() { return request.clientOrderId(); }

    public long filledQuantity() {
        long sum = 0;
        for (Fill fill : fills) sum += fill.quantity();
        return sum;
    }
}
