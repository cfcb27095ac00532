package io.quorum.adapters.alpaca.trading;

import io.quorum.engine.order.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the venue last described it: its id, what was asked (as the desk's request), its
 * status word ({@code new}, {@code partially_filled}, {@code filled}, {@code canceled}, …), and
 * what filled so far: {@code filledQuantity} shares at {@code filledAveragePrice} (zero before the first).
 */
record VenueOrder(String id, OrderRequest request, String status, long filledQuantity, BigDecimal filledAveragePrice, Instant updatedAt) {
    VenueOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        if (filledQuantity < 0 || filledQuantity > request.quantity()) {
            throw new IllegalArgumentException("filledQuantity: must be within 0 and " + request.quantity() + ", was " + filledQuantity);
        }
        Objects.requireNonNull(filledAveragePrice, "filledAveragePrice");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
