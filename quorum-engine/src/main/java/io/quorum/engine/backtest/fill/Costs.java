package io.quorum.engine.backtest.fill;

import io.quorum.engine.broker.CommissionSchedule;
import java.util.Objects;

/**
 * What a backtest's fills cost: the commission per order, and slippage that moves every fill
 * against the trader by {@code slippageBasisPoints} of its price. Both are zero by default, so that
 * results compare trade by trade with other backtesters.
 */
public record Costs(CommissionSchedule commission, int slippageBasisPoints) {
    public static final Costs NONE = new Costs(CommissionSchedule.FREE, 0);
    static final long BASIS_POINTS = 10_000;
    private static final int MAX_SLIPPAGE_BASIS_POINTS = 1_000;

    public Costs {
        Objects.requireNonNull(commission, "commission");
        if (slippageBasisPoints < 0 || slippageBasisPoints > MAX_SLIPPAGE_BASIS_POINTS) {
            throw new IllegalArgumentException("slippage must be between 0 and " + MAX_SLIPPAGE_BASIS_POINTS + " basis points, was " + slippageBasisPoints);
        }
    }

    /**
     * The price a buy ({@code buying}) or a sale fills at when the market is at {@code micros}:
     * a buy rounded up to the micro-dollar, a sale down, so slippage never flatters a result.
     */
    public long fillPrice(boolean buying, long micros) {
        if (slippageBasisPoints == 0) return micros;
        return buying
                ? Math.ceilDiv(Math.multiplyExact(micros, BASIS_POINTS + slippageBasisPoints), BASIS_POINTS)
                : Math.multiplyExact(micros, BASIS_POINTS - slippageBasisPoints) / BASIS_POINTS;
    }

    public long commissionMicros(long shares, long priceMicros) {
        return commission.commissionFor(shares, priceMicros).micros();
    }
}
