package io.quorum.engine.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits the pre-trade checks hold every order to. Percentages are per cent (25 means 25%).
 *
 * @param maxPositionPct   largest share of the portfolio one ticker may take, by notional
 * @param maxDailyLossPct  a day's loss, as a share of equity, from which new exposure is refused
 * @param maxTradesPerDay  orders that may add exposure in one trading day
 * @param collarPct        how far from the last price a limit price may be
 * @param duplicateWindow  how long an identical order (ticker, side, size) is taken for a duplicate
 */
public record RiskLimits(BigDecimal maxPositionPct, BigDecimal maxDailyLossPct, int maxTradesPerDay, BigDecimal collarPct, Duration duplicateWindow) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RiskLimits {
        requirePercent("maxPositionPct", maxPositionPct);
        requirePercent("maxDailyLossPct", maxDailyLossPct);
        if (maxTradesPerDay < 0) throw new IllegalArgumentException("maxTradesPerDay: must not be negative, was " + maxTradesPerDay);
        requirePercent("collarPct", collarPct);
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        if (duplicateWindow.isNegative()) throw new IllegalArgumentException("duplicateWindow: must not be negative");
    }

    /** The seed specification's defaults: 25% per position, 5% daily loss, 20 trades, a 5% collar, 5 s against duplicates. */
    public static RiskLimits defaults() {
        return new RiskLimits(BigDecimal.valueOf(25), BigDecimal.valueOf(5), 20, BigDecimal.valueOf(5), Duration.ofSeconds(5));
    }

    private static void requirePercent(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) throw new IllegalArgumentException(name + ": must be in (0, 100], was " + value);
    }
}
