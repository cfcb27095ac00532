package io.quorum.adapters.alpaca;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices as the provider writes them ({@code 126.55}, {@code 387.4}, {@code 0.0001}) read
 * straight from the parser's characters into micro-dollars, rounded half-even past the sixth
 * decimal, with no {@code double} and, for plain decimals, no allocation. An amount must be below
 * a trillion dollars and not negative, a price also above 0; anything else is {@link #INVALID}.
 */
final class WireDecimals {
    static final long INVALID = Long.MIN_VALUE;
    private static final int MAX_INTEGER_DIGITS = 12;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(MAX_INTEGER_DIGITS);

    private WireDecimals() {}

    /** A price: positive. */
    static long micros(char[] text, int offset, int length) {
        long micros = amountMicros(text, offset, length);
        return micros > 0 ? micros : INVALID;
    }

    /** An amount that may be 0 (a quote's empty side). */
    static long amountMicros(char[] text, int offset, int length) {
        if (length <= 0 || length > 64) return INVALID;
        int end = offset + length;
        int i = offset;
        long whole = 0;
        int integerDigits = 0;
        while (i < end && isDigit(text[i])) {
            if (++integerDigits > MAX_INTEGER_DIGITS) return INVALID;
            whole = whole * 10 + (text[i++] - '0');
        }
        long fraction = 0;
        int fractionDigits = 0;
        int roundingDigit = -1;
        boolean stickyRest = false;
        if (i < end && text[i] == '.') {
            i++;
            while (i < end && isDigit(text[i])) {
                int digit = text[i++] - '0';
                if (fractionDigits < 6) {
                    fraction = fraction * 10 + digit;
                    fractionDigits++;
                } else if (roundingDigit < 0) {
                    roundingDigit = digit;
                } else if (digit != 0) {
                    stickyRest = true;
                }
            }
        }
        if (i < end) return exponentOrInvalid(text, offset, length);
        if (integerDigits == 0 && fractionDigits == 0) return INVALID;
        for (int pad = fractionDigits; pad < 6; pad++) fraction *= 10;
        long micros = whole * 1_000_000L + fraction;
        if (roundingDigit > 5 || roundingDigit == 5 && (stickyRest || (micros & 1) == 1)) micros++;
        return micros;
    }

    /** The rare {@code 1.2E2} or a sign, through BigDecimal; still bounded. */
    private static long exponentOrInvalid(char[] text, int offset, int length) {
        try {
            BigDecimal value = new BigDecimal(text, offset, length);
            if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) return INVALID;
            return value.setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValueExact();
        } catch (NumberFormatException | ArithmeticException notADecimal) {
            return INVALID;
        }
    }

    /** A whole quantity (a size or a volume) from a decimal, its fraction dropped; negative ones are {@link #INVALID}. */
    static long wholeUnits(char[] text, int offset, int length) {
        long micros = amountMicros(text, offset, length);
        return micros == INVALID ? INVALID : micros / 1_000_000L;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
