package io.quorum.engine.position;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open position as the desk shows it: a snapshot, taken when asked for.
 *
 * <p>{@code costBasis} is exact (the sum of the fills' notionals, less what reductions took out);
 * {@code averageEntry} is that cost divided by the quantity, rounded to 6 places for display.
 * {@code trailingStop} is null when the position has no trailing stop; {@code waterMark} is the
 * highest price since opening for a long, the lowest for a short.
 */
public record Position(
        SessionId session,
        Ticker ticker,
        Direction direction,
        long quantity,
        Money costBasis,
        BigDecimal averageEntry,
        Protection protection,
        Price trailingStop,
        Price waterMark,
        Instant openedAt,
        Price lastPrice,
        Money unrealised,
        Money realised,
        boolean exitPending) {

    /** Unrealised P&L as a per cent of the cost basis, two places. */
    public BigDecimal unrealisedPct() { return unrealised.percentOf(costBasis, 2); }

    /** Signed shares: negative for a short. */
    public long signedQuantity() { return direction == Direction.LONG ? quantity : -quantity; }

    /** The shares at their last price (at cost before the first tick); a short's too is positive. */
    public Money marketValue() { return lastPrice == null ? costBasis : lastPrice.times(quantity); }

    /** {@link #marketValue()} with the position's sign: what it adds to the account's equity. */
    public Money signedMarketValue() { return direction == Direction.LONG ? marketValue() : marketValue().negated(); }
}
