package io.quorum.engine.order;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.time.Instant;
import java.util.Objects;

/** Shares that changed hands for an order, at one price, with the commission charged. */
public record Fill(String fillId, ClientOrderId clientOrderId, Ticker ticker, Side side, long quantity, Price price, Money commission, Instant time) {
    public Fill {
        Objects.requireNonNull(fillId, "fillId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
        if (commission.isNegative()) throw new IllegalArgumentException("commission: must not be negative");
        Objects.requireNonNull(time, "time");
    }

    /** Cash moved by this fill, commission included: negative for a buy. */
    public Money cashDelta() {
        Money notional = price.times(quantity);
        return (side == Side.BUY ? notional.negated() : notional).minus(commission);
    }

    /** Shares added to the position: positive for a buy, negative for a sell. */
    public long signedQuantity() { return side == Side.BUY ? quantity : -quantity; }
}
