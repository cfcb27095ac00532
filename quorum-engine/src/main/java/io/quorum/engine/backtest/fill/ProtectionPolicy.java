package io.quorum.engine.backtest.fill;

import io.quorum.engine.money.Price;
import io.quorum.engine.position.Protection;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The protective levels every entry of a backtest gets, as percentages of its fill price: a
 * stop-loss, a take-profit target and a trailing stop. Each is optional (null means none). They
 * become the live desk's {@link Protection} at the fill, so a backtest and the desk read the same levels.
 */
public record ProtectionPolicy(BigDecimal stopLossPct, BigDecimal takeProfitPct, BigDecimal trailingStopPct) {
    public static final ProtectionPolicy NONE = new ProtectionPolicy(null, null, null);
    private static final int MAX_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ProtectionPolicy {
        check("stop-loss", stopLossPct);
        check("take-profit", takeProfitPct);
        check("trailing stop", trailingStopPct);
    }

    private static void check(String name, BigDecimal pct) {
        if (pct == null) return;
        if (pct.scale() > MAX_SCALE) throw new IllegalArgumentException("the " + name + " percentage may have at most " + MAX_SCALE + " decimals, was " + pct);
        if (pct.signum() <= 0 || pct.compareTo(HUNDRED) >= 0) throw new IllegalArgumentException("the " + name + " percentage must be between 0 and 100 exclusive, was " + pct);
    }

    /** The levels of a position entered at {@code entryMicros}: below it for a long's stop, above for its target, the mirror for a short. */
    public Protection protectionFor(boolean isLong, long entryMicros) {
        return new Protection(level(entryMicros, stopLossPct, isLong ? -1 : 1), level(entryMicros, takeProfitPct, isLong ? 1 : -1), trailingStopPct);
    }

    private static Price level(long entryMicros, BigDecimal pct, int sign) {
        if (pct == null) return null;
        BigDecimal factor = BigDecimal.ONE.add(pct.movePointLeft(2).multiply(BigDecimal.valueOf(sign)));
        return Price.ofMicros(BigDecimal.valueOf(entryMicros).multiply(factor).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
    }
}
