package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import java.util.Objects;

/** The facts of an executed trade, as reported in a TRADE_EXECUTED update: why its order was sent in words ({@code reason}) and as a {@code cause}. */
public record Execution(String clientOrderId, Ticker ticker, Side side, long quantity, Price price, String reason, OrderCause cause) {
    public Execution {
        if (clientOrderId == null || clientOrderId.isBlank()) throw new IllegalArgumentException("clientOrderId: must not be blank");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }
}
