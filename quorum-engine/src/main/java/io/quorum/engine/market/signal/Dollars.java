package io.quorum.engine.market.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices as a trader reads them in a sentence: {@code $178.50}. */
final class Dollars {
    private Dollars() {}

    static String format(long micros) { return format(BigDecimal.valueOf(micros, 6)); }

    static String format(BigDecimal dollars) { return "$" + dollars.setScale(2, RoundingMode.HALF_EVEN).toPlainString(); }
}
