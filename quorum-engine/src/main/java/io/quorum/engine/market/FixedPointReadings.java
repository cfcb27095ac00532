package io.quorum.engine.market;

import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * ta4j's readings ({@link Ta4jReadings}) in integer arithmetic, some microseconds for 260 bars
 * where ta4j's decimal indicators take milliseconds: the backtest's desk asks for a view at every
 * decision round, the live desk every five minutes a ticker.
 *
 * <p>Each reading is ta4j's own definition, started at the window's first bar as ta4j starts it
 * (an EMA or Wilder average at the first bar is its first value, the first gain and loss are 0,
 * the first true range is the bar's range). The moving averages are sums of micros, exact, and so
 * are ta4j's. The recursive ones (EMA 12 and 26, MACD and its 9-EMA signal, Wilder's RSI 14 and
 * ATR 14) run in pico-dollars with one integer division a step, within 30 pico-dollars of the
 * exact average; ta4j's, in 16 significant digits, are within 10<sup>-13</sup> of the highest
 * price. A reading rounds to ta4j's whenever its value lies farther than {@link #margin} (both
 * errors and ten times more) from a rounding boundary. Nearer, it could round either way:
 * there is then no answer here, and ta4j's is the one to take: for a $100 stock, about once in
 * twenty thousand views, mostly for MACD's four decimals.
 */
final class FixedPointReadings {
    /** Above a million dollars a price in pico-dollars leaves too little room in a long: such charts are ta4j's. */
    private static final long MAX_MICROS = 1_000_000_000_000L;
    private static final long PICOS_PER_MICRO = 1_000_000L;
    private static final long MICROS_PER_CENT = 10_000L;
    private static final long PICOS_PER_CENT = 10_000_000_000L;
    /** MACD and its signal are read to four decimals. */
    private static final long PICOS_PER_MACD_STEP = 100_000_000L;
    private static final BigDecimal ONE_HUNDRED = new BigDecimal("100.0");
    private static final BigDecimal ZERO = new BigDecimal("0.0");

    private FixedPointReadings() {}

    /** The readings of {@code bars} (more than 200, as a view needs), or empty when a reading is too near a rounding boundary to say which way ta4j rounds it. */
    static Optional<TechnicalReadings> of(BarWindow bars) {
        int size = bars.size();
        long highest = bars.highMicros(0);
        long ema12 = picos(bars.closeMicros(0));
        long ema26 = ema12;
        long signal = 0;
        long averageGain = 0;
        long averageLoss = 0;
        boolean gained = false;
        boolean lost = false;
        long atr = picos(bars.highMicros(0) - bars.lowMicros(0));
        long previousClose = bars.closeMicros(0);
        // The sums of the last 20, 50 and 200 closes, in micros: the moving averages are exact.
        long sum20 = 0;
        long sum50 = 0;
        long sum200 = 0;
        for (int i = 1; i < size; i++) {
            long high = bars.highMicros(i);
            long low = bars.lowMicros(i);
            long closeMicros = bars.closeMicros(i);
            highest = Math.max(highest, high);
            long close = picos(closeMicros);
            ema12 += Math.floorDiv(2 * (close - ema12), 13);
            ema26 += Math.floorDiv(2 * (close - ema26), 27);
            signal += Math.floorDiv(2 * (ema12 - ema26 - signal), 10);
            long change = closeMicros - previousClose;
            gained |= change > 0;
            lost |= change < 0;
            averageGain += Math.floorDiv(picos(Math.max(change, 0)) - averageGain, 14);
            averageLoss += Math.floorDiv(picos(Math.max(-change, 0)) - averageLoss, 14);
            long trueRange = Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
            atr += Math.floorDiv(picos(trueRange) - atr, 14);
            previousClose = closeMicros;
            int left = size - i;
            if (left <= 200) sum200 += previousClose;
            if (left <= 50) sum50 += previousClose;
            if (left <= 20) sum20 += previousClose;
        }
        // A price above the bound may have overflowed a pico-dollar value: whatever was computed is discarded.
        if (highest > MAX_MICROS) return Optional.empty();
        long margin = margin(highest);
        long macd = ema12 - ema26;
        Optional<BigDecimal> rsi = rsi(averageGain, averageLoss, gained, lost, margin);
        if (rsi.isEmpty() || !decided(atr, PICOS_PER_CENT, margin) || !decided(macd, PICOS_PER_MACD_STEP, margin)
                || !decided(signal, PICOS_PER_MACD_STEP, margin)) {
            return Optional.empty();
        }
        return Optional.of(new TechnicalReadings(sma(sum20, 20), sma(sum50, 50), sma(sum200, 200), rsi.get(),
                price(rounded(atr, PICOS_PER_CENT)), BigDecimal.valueOf(rounded(macd, PICOS_PER_MACD_STEP), 4),
                BigDecimal.valueOf(rounded(signal, PICOS_PER_MACD_STEP), 4)));
    }

    /**
     * How far, in pico-dollars, this class's recursive readings and ta4j's may lie apart: a thousand
     * for this class's divisions (30 at most), and a 10<sup>-12</sup> of the highest price for ta4j's
     * 16-digit roundings (10<sup>-13</sup> at most).
     */
    private static long margin(long highestMicros) { return highestMicros / PICOS_PER_MICRO + 1000; }

    /** The average of {@code days} closes summing to {@code sum} micros, half-even to the cent as ta4j's is. */
    private static Price sma(long sum, int days) { return price(halfEven(sum, days * MICROS_PER_CENT)); }

    /**
     * ta4j's {@code 100 - 100 / (1 + gain / loss)}, which is {@code 100 × gain / (gain + loss)}; 0 with
     * neither gain nor loss in the window and 100 with gains and no loss, as ta4j; empty when it is
     * too near a rounding boundary to tell.
     */
    private static Optional<BigDecimal> rsi(long averageGain, long averageLoss, boolean gained, boolean lost, long margin) {
        if (!lost) return Optional.of(gained ? ONE_HUNDRED : ZERO);
        long total = averageGain + averageLoss;
        // Each average may be off by the margin: beyond 4 margins, the RSI in tenths is off by 2000 × margin / total at most.
        if (total < 4 * margin) return Optional.empty();
        // Both shifted to 53 bits, so that a thousand times the gain fits a long; the ratio moves by 1 / whole at most.
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(total) - 53);
        long gain = averageGain >> shift;
        long whole = total >> shift;
        long tenths = 1000 * gain / whole;
        long twiceRemainder = 2 * (1000 * gain % whole);
        // In tenths times 2 × whole: the margins' error, the shift's, and ta4j's last divisions' (10^-8 tenths, with room).
        long error = (4000 * margin >> shift) + 1 + 2000 * 2 + whole / 50_000_000 + 1;
        if (Math.abs(twiceRemainder - whole) <= error) return Optional.empty();
        return Optional.of(BigDecimal.valueOf(twiceRemainder > whole ? tenths + 1 : tenths, 1));
    }

    /** Whether {@code picos} lies farther than {@code margin} from the half-way point between two multiples of {@code step}. */
    private static boolean decided(long picos, long step, long margin) {
        return Math.abs(Math.floorMod(picos, step) - step / 2) > margin;
    }

    /** {@code picos} in steps, to the nearest (never half-way once {@link #decided}). */
    private static long rounded(long picos, long step) {
        return Math.floorDiv(picos, step) + (Math.floorMod(picos, step) > step / 2 ? 1 : 0);
    }

    private static long halfEven(long dividend, long divisor) {
        long quotient = dividend / divisor;
        long twiceRemainder = 2 * (dividend % divisor);
        return twiceRemainder > divisor || (twiceRemainder == divisor && (quotient & 1) == 1) ? quotient + 1 : quotient;
    }

    /** As ta4j's view prices a reading: a price under half a cent reads as the smallest price. */
    private static Price price(long cents) { return cents > 0 ? Price.ofMicros(cents * MICROS_PER_CENT) : Price.ofMicros(1); }

    private static long picos(long micros) { return micros * PICOS_PER_MICRO; }
}
