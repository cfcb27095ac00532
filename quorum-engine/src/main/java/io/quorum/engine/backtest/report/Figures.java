package io.quorum.engine.backtest.report;

import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as every report format writes them: money in dollars and cents, prices as published, ratios to six places, NaN as "n/a". */
final class Figures {
    private Figures() {}

    static String money(long micros) { return Money.ofMicros(micros).toString(); }

    static String price(long micros) { return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString(); }

    /** Six decimals, rounded half-even from the double's exact value, so that every platform writes the same digits; null when undefined. */
    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return null;
        return new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Two decimals for people, "n/a" when undefined: a Sharpe ratio, a profit factor. */
    static String twoPlaces(double value) {
        String ratio = ratio(value);
        return ratio == null ? "n/a" : new BigDecimal(ratio).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String percent(double fraction) {
        String ratio = ratio(fraction * 100);
        return ratio == null ? "n/a" : new BigDecimal(ratio).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
