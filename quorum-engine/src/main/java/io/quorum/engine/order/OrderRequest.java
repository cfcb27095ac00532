package io.quorum.engine.order;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import java.util.Objects;

/** An order the desk wants placed. {@code limitPrice} is required for LIMIT, {@code stopPrice} for STOP. */
public record OrderRequest(ClientOrderId clientOrderId, Ticker ticker, Side side, long quantity, OrderType type, Price limitPrice, Price stopPrice) {
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        if ((type == OrderType.LIMIT) != (limitPrice != null)) throw new IllegalArgumentException("limitPrice: required for LIMIT orders and only for them");
        if ((type == OrderType.STOP) != (stopPrice != null)) throw new IllegalArgumentException("stopPrice: required for STOP orders and only for them");
    }

    public static OrderRequest market(ClientOrderId id, Ticker ticker, Side side, long quantity) {
        return new OrderRequest(id, ticker, side, quantity, OrderType.MARKET, null, null);
    }

    public static OrderRequest limit(ClientOrderId id, Ticker ticker, Side side, long quantity, Price limit) {
        return new OrderRequest(id, ticker, side, quantity, OrderType.LIMIT, limit, null);
    }

    public static OrderRequest stop(ClientOrderId id, Ticker ticker, Side side, long quantity, Price stop) {
        return new OrderRequest(id, ticker, side, quantity, OrderType.STOP, null, stop);
    }
}
