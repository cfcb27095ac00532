package io.quorum.engine.position;

import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The protective levels of a position. Each is optional (null means none): a stop-loss, a
 * take-profit target and a trailing stop given as a percentage of the best price since opening.
 */
public record Protection(Price stopLoss, Price takeProfit, BigDecimal trailingStopPct) {
    public static final Protection NONE = new Protection(null, null, null);

    public Protection {
        if (trailingStopPct != null && (trailingStopPct.signum() <= 0 || trailingStopPct.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw new IllegalArgumentException("trailingStopPct: must be between 0 and 100 exclusive, was " + trailingStopPct);
        }
    }

    public static Protection of(String stopLoss, String takeProfit, String trailingStopPct) {
        return new Protection(
                stopLoss == null ? null : Price.parse(stopLoss),
                takeProfit == null ? null : Price.parse(takeProfit),
                trailingStopPct == null ? null : new BigDecimal(trailingStopPct));
    }

    /** The trailing distance in basis points (0 when none), rounded to the nearest basis point. */
    public int trailingBasisPoints() {
        if (trailingStopPct == null) return 0;
        return Math.max(1, trailingStopPct.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).intValueExact());
    }
}
