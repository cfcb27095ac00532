package io.quorum.engine.desk;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.Side;
import java.util.Objects;

/**
 * An order the user writes on the order ticket: market or limit, buy or sell, whole shares, with
 * an optional stop-loss and take-profit for the position it opens. It goes through the same
 * RiskEngine and order path as the agents' orders.
 */
public record OrderTicket(Ticker ticker, Side side, long quantity, OrderType type, Price limitPrice, Price stopLoss, Price takeProfit) {
    public OrderTicket {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        if (type != OrderType.MARKET && type != OrderType.LIMIT) throw new IllegalArgumentException("type: the ticket sends market and limit orders only, was " + type);
        if ((type == OrderType.LIMIT) != (limitPrice != null)) throw new IllegalArgumentException("limitPrice: required for a limit order and only for it");
        if (stopLoss != null && takeProfit != null && (side == Side.BUY ? !takeProfit.isAbove(stopLoss) : !takeProfit.isBelow(stopLoss))) {
            throw new IllegalArgumentException("takeProfit: a " + side + "'s target must lie " + (side == Side.BUY ? "above" : "below") + " its stop-loss");
        }
    }
}
