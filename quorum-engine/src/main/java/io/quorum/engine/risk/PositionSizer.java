package io.quorum.engine.risk;

import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Sizes a trade so that being stopped out loses a fixed fraction of equity:
 * {@code shares = floor(equity × risk% ÷ |entry − stop|)}, capped by
 * {@code floor(equity × maxPosition% ÷ entry)}. Whole shares, never negative; zero when the stop
 * sits on the entry (the risk per share would be nil and the size unbounded) or equity is not positive.
 */
public record PositionSizer(BigDecimal riskPerTradePct, BigDecimal maxPositionPct) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PositionSizer {
        Objects.requireNonNull(riskPerTradePct, "riskPerTradePct");
        Objects.requireNonNull(maxPositionPct, "maxPositionPct");
        if (riskPerTradePct.signum() <= 0 || riskPerTradePct.compareTo(HUNDRED) > 0) throw new IllegalArgumentException("riskPerTradePct: must be in (0, 100], was " + riskPerTradePct);
        if (maxPositionPct.signum() <= 0 || maxPositionPct.compareTo(HUNDRED) > 0) throw new IllegalArgumentException("maxPositionPct: must be in (0, 100], was " + maxPositionPct);
    }

    /** Shares to trade when the stop is known. */
    public long sharesForStop(Money equity, Price entry, Price stop) {
        return shares(equity, entry, Math.abs(entry.micros() - stop.micros()));
    }

    private long shares(Money equity, Price entry, long stopDistanceMicros) {
        if (stopDistanceMicros <= 0 || !equity.isPositive()) return 0;
        BigDecimal dollars = BigDecimal.valueOf(equity.micros());
        long byRisk = dollars.multiply(riskPerTradePct).divide(HUNDRED.multiply(BigDecimal.valueOf(stopDistanceMicros)), 0, RoundingMode.DOWN).longValueExact();
        long byCap = dollars.multiply(maxPositionPct).divide(HUNDRED.multiply(BigDecimal.valueOf(entry.micros())), 0, RoundingMode.DOWN).longValueExact();
        return Math.min(byRisk, byCap);
    }
}
