package io.quorum.engine.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The account's own limits, per cent of equity, which the RiskEngine holds every order that adds
 * exposure to. They are the desk's, not a session's: the sessions share one account.
 *
 * @param maxGrossExposurePct the sum of all positions' market values
 * @param maxNetExposurePct   longs less shorts, either way
 * @param maxSectorPct        one sector's net exposure, either way
 * @param maxVarPct           the one-day historical VaR at 99%
 * @param maxStressLossPct    the loss of the worst stress scenario
 */
public record PortfolioLimits(BigDecimal maxGrossExposurePct, BigDecimal maxNetExposurePct, BigDecimal maxSectorPct, BigDecimal maxVarPct,
        BigDecimal maxStressLossPct) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_TIMES = BigDecimal.valueOf(1_000);

    public PortfolioLimits {
        require("maxGrossExposurePct", maxGrossExposurePct, TEN_TIMES);
        require("maxNetExposurePct", maxNetExposurePct, TEN_TIMES);
        require("maxSectorPct", maxSectorPct, TEN_TIMES);
        require("maxVarPct", maxVarPct, HUNDRED);
        require("maxStressLossPct", maxStressLossPct, HUNDRED);
    }

    /** Gross 200%, net 100%, a sector 60%, VaR 99% 5%, the worst stress loss 25% of equity. */
    public static PortfolioLimits defaults() {
        return new PortfolioLimits(BigDecimal.valueOf(200), BigDecimal.valueOf(100), BigDecimal.valueOf(60), BigDecimal.valueOf(5), BigDecimal.valueOf(25));
    }

    private static void require(String name, BigDecimal value, BigDecimal most) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0 || value.compareTo(most) > 0 || value.scale() > 2) {
            throw new IllegalArgumentException(name + ": must be above 0 and at most " + most + " with at most 2 decimals, was " + value);
        }
    }
}
