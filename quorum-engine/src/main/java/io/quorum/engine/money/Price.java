package io.quorum.engine.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price per share in US dollars, held as whole micro-dollars so the tick path stays on
 * primitives and arithmetic stays exact. Converted to {@link BigDecimal} only at the edges.
 */
public record Price(long micros) implements Comparable<Price> {
    public static final int SCALE = 6;

    public Price {
        if (micros <= 0) throw new IllegalArgumentException("price must be positive: " + micros + " micros");
    }

    public static Price parse(String text) {
        return of(new BigDecimal(text));
    }

    /** Rounded half-even to the micro-dollar; see {@link Money#of} for the bounds. */
    public static Price of(BigDecimal dollars) {
        return new Price(microsOf(dollars));
    }

    /**
     * Dollars as whole micro-dollars, rounded half-even. The magnitude is read first: below
     * 10<sup>-7</sup> the value rounds to zero, and from 10<sup>19</sup> micro-dollars on no
     * {@code long} holds it, so neither case ever builds the digits its exponent stands for.
     */
    static long microsOf(BigDecimal dollars) {
        int integerDigits = dollars.precision() - dollars.scale();
        if (integerDigits <= -SCALE - 1) return 0;
        if (integerDigits > 19 - SCALE) throw new ArithmeticException("beyond the range of micro-dollars: " + dollars.toEngineeringString());
        return dollars.setScale(SCALE, RoundingMode.HALF_EVEN).movePointRight(SCALE).longValueExact();
    }

    public static Price ofMicros(long micros) {
        return new Price(micros);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(micros, SCALE).stripTrailingZeros();
    }

    public Price plus(long deltaMicros) {
        return new Price(Math.addExact(micros, deltaMicros));
    }

    public boolean isAbove(Price other) { return micros > other.micros; }

    public boolean isBelow(Price other) { return micros < other.micros; }

    /** The cash value of {@code shares} at this price. */
    public Money times(long shares) {
        return Money.ofMicros(Math.multiplyExact(micros, shares));
    }

    @Override public int compareTo(Price other) { return Long.compare(micros, other.micros); }

    /** Dollars with at least two decimals, as a trader reads a price: {@code 178.50}. */
    @Override public String toString() {
        BigDecimal value = toBigDecimal();
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }
}
