package io.quorum.server.api;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of the desk as its journal reported it (a TRADE_EXECUTED update): the raw material
 * of the trade history. {@code reason} is why the order was sent, in the desk's words, and {@code cause} as a kind.
 */
public record TradeFill(SessionId session, Instant time, String clientOrderId, Ticker ticker, Side side, long quantity,
                        BigDecimal price, String reason, OrderCause cause) {
    public TradeFill {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        if (price.signum() <= 0) throw new IllegalArgumentException("price: must be positive, was " + price);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }

    /** Shares added to the position: positive for a buy, negative for a sell. */
    long signedQuantity() { return side == Side.BUY ? quantity : -quantity; }
}
