package io.quorum.engine.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A signed amount of US dollars in whole micro-dollars. Cash, P&L and commissions are all
 * {@code Money}; sums never lose a cent because nothing here is a {@code double}.
 */
public record Money(long micros) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public static Money ofMicros(long micros) { return new Money(micros); }

    public static Money parse(String text) { return of(new BigDecimal(text)); }

    /**
     * Rounded half-even to the micro-dollar. Throws {@link ArithmeticException} beyond the range of
     * a {@code long} of micro-dollars; an amount so small or so large that rounding it would first
     * spell out its exponent ({@code 1E-99999999}, {@code 1E+999999999}) is settled from its
     * magnitude alone.
     */
    public static Money of(BigDecimal dollars) {
        return new Money(Price.microsOf(dollars));
    }

    public static Money ofDollars(long dollars) { return new Money(Math.multiplyExact(dollars, 1_000_000L)); }

    public Money plus(Money other) { return new Money(Math.addExact(micros, other.micros)); }

    public Money minus(Money other) { return new Money(Math.subtractExact(micros, other.micros)); }

    public Money negated() { return new Money(Math.negateExact(micros)); }

    public boolean isNegative() { return micros < 0; }

    public boolean isPositive() { return micros > 0; }

    public BigDecimal toBigDecimal() { return BigDecimal.valueOf(micros, Price.SCALE); }

    /** {@code this / base} in per cent, rounded half-even to {@code scale} places; zero when base is zero. */
    public BigDecimal percentOf(Money base, int scale) {
        if (base.micros == 0) return BigDecimal.ZERO.setScale(scale);
        return BigDecimal.valueOf(micros).movePointRight(2)
                .divide(BigDecimal.valueOf(base.micros), scale, RoundingMode.HALF_EVEN);
    }

    @Override public int compareTo(Money other) { return Long.compare(micros, other.micros); }

    /** Dollars rounded to cents for people: {@code -1234.57}. */
    @Override public String toString() {
        return toBigDecimal().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
