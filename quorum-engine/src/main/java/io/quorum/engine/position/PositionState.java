package io.quorum.engine.position;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The mutable state of one open position, owned by the {@link PositionManager}'s single writer.
 * Every field the tick path reads is a primitive; a level of zero means "not set".
 */
final class PositionState {
    private static final long BASIS_POINTS = 10_000;

    final SessionId session;
    final Ticker ticker;
    final TickerBook book;
    final Ledger ledger;

    /** Signed shares: negative for a short. */
    long quantity;
    /** Signed cost of the open shares: quantity × entry, summed over the fills that opened them. */
    long costMicros;
    long realisedMicros;
    long openedAtMillis;

    long stopMicros;
    long targetMicros;
    int trailingBasisPoints;
    Protection protection = Protection.NONE;
    /** Best price since opening: highest for a long, lowest for a short. */
    long waterMarkMicros;
    long trailingStopMicros;

    boolean exitPending;
    ExitReason triggeredReason;
    long triggeredLevelMicros;

    PositionState(SessionId session, Ticker ticker, TickerBook book, Ledger ledger) {
        this.session = session;
        this.ticker = ticker;
        this.book = book;
        this.ledger = ledger;
    }

    boolean isLong() { return quantity > 0; }

    Direction direction() { return quantity > 0 ? Direction.LONG : Direction.SHORT; }

    /**
     * Moves the water mark with {@code price} and tells whether a protective level is crossed.
     * Allocates nothing. A crossing marks the position exit-pending, so it fires once.
     */
    boolean crossedBy(long price) {
        if (exitPending) return false;
        return quantity > 0 ? longCrossedBy(price) : shortCrossedBy(price);
    }

    private boolean longCrossedBy(long price) {
        if (price > waterMarkMicros) {
            waterMarkMicros = price;
            if (trailingBasisPoints > 0) trailingStopMicros = longTrail(price);
        }
        long stop = Math.max(stopMicros, trailingStopMicros);
        if (stop > 0 && price <= stop) return trigger(trailingStopMicros > stopMicros ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS, stop);
        if (targetMicros > 0 && price >= targetMicros) return trigger(ExitReason.TAKE_PROFIT, targetMicros);
        return false;
    }

    private boolean shortCrossedBy(long price) {
        if (price < waterMarkMicros) {
            waterMarkMicros = price;
            if (trailingBasisPoints > 0) trailingStopMicros = shortTrail(price);
        }
        long stop = tighterShortStop();
        if (stop > 0 && price >= stop) return trigger(stop == trailingStopMicros && stop != stopMicros ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS, stop);
        if (targetMicros > 0 && price <= targetMicros) return trigger(ExitReason.TAKE_PROFIT, targetMicros);
        return false;
    }

    /**
     * Prices strictly between {@link #quietFloor()} and {@link #quietCeiling()} can neither cross a
     * level of this position nor move its water mark; valid until the position changes.
     */
    long quietFloor() {
        if (exitPending) return Long.MIN_VALUE;
        return quantity > 0 ? Math.max(stopMicros, trailingStopMicros) : Math.max(targetMicros, waterMarkMicros - 1);
    }

    long quietCeiling() {
        if (exitPending) return Long.MAX_VALUE;
        if (quantity > 0) return Math.min(targetMicros == 0 ? Long.MAX_VALUE : targetMicros, waterMarkMicros + 1);
        long stop = tighterShortStop();
        return stop == 0 ? Long.MAX_VALUE : stop;
    }

    /** The lower of the short's stops that are set, or 0 when none is. */
    private long tighterShortStop() {
        if (stopMicros == 0) return trailingStopMicros;
        if (trailingStopMicros == 0) return stopMicros;
        return Math.min(stopMicros, trailingStopMicros);
    }

    private boolean trigger(ExitReason reason, long level) {
        exitPending = true;
        triggeredReason = reason;
        triggeredLevelMicros = level;
        return true;
    }

    private long longTrail(long highWater) { return highWater * (BASIS_POINTS - trailingBasisPoints) / BASIS_POINTS; }

    /** Rounded up, so that a short's trailing stop is never looser than the percentage says. */
    private long shortTrail(long lowWater) {
        return Math.ceilDiv(Math.multiplyExact(lowWater, BASIS_POINTS + trailingBasisPoints), BASIS_POINTS);
    }

    /** After a restart: the water mark the position had reached, so that its trailing stop does not loosen. */
    void restoreWaterMark(long micros) {
        waterMarkMicros = quantity > 0 ? Math.max(waterMarkMicros, micros) : Math.min(waterMarkMicros, micros);
        if (trailingBasisPoints > 0) trailingStopMicros = quantity > 0 ? longTrail(waterMarkMicros) : shortTrail(waterMarkMicros);
    }

    /**
     * Sets new levels. A trailing stop that is new, or whose distance changed, starts from
     * {@code lastMicros} (the current price, 0 when none is known yet) rather than from the best
     * price since entry: trailing from an old high could put the stop above the market and sell at
     * once. A trail whose distance is unchanged keeps its water mark, so that it never loosens.
     */
    void protect(Protection newProtection, long lastMicros) {
        if (newProtection.trailingBasisPoints() != trailingBasisPoints && newProtection.trailingBasisPoints() > 0 && lastMicros > 0) {
            waterMarkMicros = lastMicros;
        }
        protection = newProtection;
        stopMicros = newProtection.stopLoss() == null ? 0 : newProtection.stopLoss().micros();
        targetMicros = newProtection.takeProfit() == null ? 0 : newProtection.takeProfit().micros();
        trailingBasisPoints = newProtection.trailingBasisPoints();
        trailingStopMicros = trailingBasisPoints == 0 ? 0 : quantity > 0 ? longTrail(waterMarkMicros) : shortTrail(waterMarkMicros);
    }

    /**
     * Applies a fill: opens, increases, reduces, closes or flips the position. Realised P&L is the
     * closed shares' proceeds against the part of the cost they carried; the remainder of an uneven
     * division stays in the cost of the shares still open, so no micro-dollar is lost.
     */
    void apply(long signedShares, long priceMicros, long timeMillis) {
        if (quantity == 0 || Long.signum(signedShares) == Long.signum(quantity)) {
            if (quantity == 0) open(timeMillis, priceMicros);
            quantity = Math.addExact(quantity, signedShares);
            costMicros = Math.addExact(costMicros, Math.multiplyExact(signedShares, priceMicros));
            return;
        }
        long closing = Math.min(Math.abs(signedShares), Math.abs(quantity)) * Long.signum(quantity);
        long closedCost = shareOfCost(closing);
        long realised = Math.subtractExact(Math.multiplyExact(closing, priceMicros), closedCost);
        realisedMicros = Math.addExact(realisedMicros, realised);
        ledger.realisedMicros = Math.addExact(ledger.realisedMicros, realised);
        quantity -= closing;
        costMicros -= closedCost;
        long flipped = signedShares + closing;
        if (flipped != 0) {
            open(timeMillis, priceMicros);
            quantity = flipped;
            costMicros = Math.multiplyExact(flipped, priceMicros);
        }
    }

    /** cost × closing / quantity, without overflowing the intermediate product. */
    private long shareOfCost(long closing) {
        if (closing == quantity) return costMicros;
        long perShare = costMicros / quantity;
        long remainder = costMicros % quantity;
        return Math.addExact(Math.multiplyExact(perShare, closing), Math.multiplyExact(remainder, closing) / quantity);
    }

    private void open(long timeMillis, long priceMicros) {
        openedAtMillis = timeMillis;
        waterMarkMicros = priceMicros;
        realisedMicros = 0;
        exitPending = false;
        protect(Protection.NONE, 0);
    }

    long unrealisedMicros(long priceMicros) {
        return Math.subtractExact(Math.multiplyExact(quantity, priceMicros), costMicros);
    }

    Position snapshot() {
        long last = book.lastMicros;
        long shares = Math.abs(quantity);
        return new Position(session, ticker, direction(), shares,
                Money.ofMicros(Math.abs(costMicros)),
                BigDecimal.valueOf(Math.abs(costMicros)).divide(BigDecimal.valueOf(shares), 0, RoundingMode.HALF_EVEN).movePointLeft(Price.SCALE),
                protection,
                trailingStopMicros == 0 ? null : Price.ofMicros(trailingStopMicros),
                Price.ofMicros(waterMarkMicros),
                Instant.ofEpochMilli(openedAtMillis),
                Price.ofMicros(last),
                Money.ofMicros(unrealisedMicros(last)),
                Money.ofMicros(realisedMicros),
                exitPending);
    }
}
