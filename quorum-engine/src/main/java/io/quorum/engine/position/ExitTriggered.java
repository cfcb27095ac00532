package io.quorum.engine.position;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import java.util.Objects;

/**
 * A protective level was crossed: the whole position must leave the market now, at the market.
 * {@code level} is the stop or target that was crossed; the exit does not fill there but at the
 * touch of {@code tick}, which after a gap can be far beyond the level.
 */
public record ExitTriggered(SessionId session, Ticker ticker, Direction direction, long quantity, ExitReason reason, Price level, Tick tick) {
    public ExitTriggered {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(direction, "direction");
        if (quantity <= 0) throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(tick, "tick");
    }

    /** SELL closes a long, BUY closes a short. */
    public Side side() { return direction == Direction.LONG ? Side.SELL : Side.BUY; }

    /** Where a market exit fills on the trigger tick: the bid for a sell, the ask for a buy. */
    public Price expectedFillPrice() {
        return Price.ofMicros(side() == Side.SELL ? tick.bidMicros() : tick.askMicros());
    }

    /** The market order that carries the exit out. */
    public OrderRequest toMarketOrder(ClientOrderId id) {
        return OrderRequest.market(id, ticker, side(), quantity);
    }

    /** What the desk says in its ALERT, e.g. "AAPL long 100: the stop-loss was hit at 174.00 (last 171.20)". */
    public String text() {
        return ticker + " " + direction.name().toLowerCase(java.util.Locale.ROOT) + " " + quantity + ": " + reason.sentence()
                + " at " + level + " (last " + Price.ofMicros(tick.lastMicros()) + ")";
    }
}
