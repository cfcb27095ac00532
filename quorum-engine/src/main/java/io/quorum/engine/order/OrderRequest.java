package io.quorum.engine.order;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import java.util.Objects;

/**
 * An order the desk wants placed. {@code limitPrice} is required for LIMIT and STOP_LIMIT,
 * {@code stopPrice} for STOP and STOP_LIMIT. {@code bracket}, when not null, asks the venue to keep
 * the entry's exits itself; without one the desk's position manager keeps them.
 */
public record OrderRequest(ClientOrderId clientOrderId, Ticker ticker, Side side, long quantity, OrderType type, Price limitPrice, Price stopPrice,
                           TimeInForce timeInForce, Bracket bracket) {
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        if (type.hasLimitPrice() != (limitPrice != null)) throw new IllegalArgumentException("limitPrice: required for LIMIT and STOP_LIMIT orders and only for them");
        if (type.hasStopPrice() != (stopPrice != null)) throw new IllegalArgumentException("stopPrice: required for STOP and STOP_LIMIT orders and only for them");
        if (bracket != null && !bracket.fits(side)) {
            throw new IllegalArgumentException("bracket: a " + side + "'s take-profit must lie " + (side == Side.BUY ? "above" : "below") + " its stop-loss, was " + bracket);
        }
        if (bracket != null && clientOrderId.value().length() > BracketLeg.LONGEST_ENTRY_ID) {
            throw new IllegalArgumentException("clientOrderId: a bracketed entry's id names its legs too, so it is at most " + BracketLeg.LONGEST_ENTRY_ID + " characters, was " + clientOrderId);
        }
    }

    /** A day order without a bracket: its stops, if any, are the desk's to keep. */
    public OrderRequest(ClientOrderId clientOrderId, Ticker ticker, Side side, long quantity, OrderType type, Price limitPrice, Price stopPrice) {
        this(clientOrderId, ticker, side, quantity, type, limitPrice, stopPrice, TimeInForce.DAY, null);
    }

    public static OrderRequest stopLimit(ClientOrderId id, Ticker ticker, Side side, long quantity, Price stop, Price limit) {
        return new OrderRequest(id, ticker, side, quantity, OrderType.STOP_LIMIT, limit, stop);
    }

    public OrderRequest withTimeInForce(TimeInForce value) {
        return new OrderRequest(clientOrderId, ticker, side, quantity, type, limitPrice, stopPrice, value, bracket);
    }

    /** The same entry, its exits kept by the venue. */
    public OrderRequest withBracket(Bracket value) {
        return new OrderRequest(clientOrderId, ticker, side, quantity, type, limitPrice, stopPrice, timeInForce, value);
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
