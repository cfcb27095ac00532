package io.quorum.adapters.alpaca.trading;

import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as the venue last described it: its id, what was asked (as the desk's request), its
 * status word ({@code new}, {@code partially_filled}, {@code filled}, {@code canceled}, …), and
 * what filled so far: {@code filledQuantity} shares at {@code filledAveragePrice} (zero before the first).
 * A bracketed entry carries its {@code legs}, each an order of its own at the venue; a simple order has none.
 */
record VenueOrder(String id, OrderRequest request, String status, long filledQuantity, BigDecimal filledAveragePrice, Instant updatedAt, List<VenueOrder> legs) {
    VenueOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        if (filledQuantity < 0 || filledQuantity > request.quantity()) {
            throw new IllegalArgumentException("filledQuantity: must be within 0 and " + request.quantity() + ", was " + filledQuantity);
        }
        Objects.requireNonNull(filledAveragePrice, "filledAveragePrice");
        Objects.requireNonNull(updatedAt, "updatedAt");
        legs = List.copyOf(legs);
    }

    /**
     * The same order under the desk's name for it: a leg the venue named itself (its client order id
     * is the venue's) is known to the desk by its entry's name and its kind ({@link io.quorum.engine.order.BracketLeg}).
     */
    VenueOrder named(ClientOrderId name) {
        OrderRequest renamed = new OrderRequest(name, request.ticker(), request.side(), request.quantity(), request.type(), request.limitPrice(),
                request.stopPrice(), request.timeInForce(), request.bracket());
        return new VenueOrder(id, renamed, status, filledQuantity, filledAveragePrice, updatedAt, legs);
    }
}
