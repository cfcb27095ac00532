package io.quorum.engine.message;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much to trade: a number of shares, or a per cent of the current position (INCREASE by 20%).
 * Two sizes are comparable only in the same unit.
 */
public record Size(Unit unit, BigDecimal amount) {
    public Size {
        Objects.requireNonNull(unit, "size.unit");
        Objects.requireNonNull(amount, "size.amount");
        if (amount.signum() < 0) throw new IllegalArgumentException("size.amount: must not be negative, was " + amount);
        if (unit == Unit.SHARES && amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("size.amount: shares must be whole, was " + amount);
        }
        if (unit == Unit.PERCENT_OF_POSITION && amount.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("size.amount: at most 1000% of the position, was " + amount);
        }
    }

    public static Size shares(long shares) { return new Size(Unit.SHARES, BigDecimal.valueOf(shares)); }

    public static Size percentOfPosition(String percent) { return new Size(Unit.PERCENT_OF_POSITION, new BigDecimal(percent)); }

    public boolean isSmallerThan(Size other) {
        if (unit != other.unit) throw new IllegalArgumentException("cannot compare " + unit + " with " + other.unit);
        return amount.compareTo(other.amount) < 0;
    }

    /** Whole shares this size means for a position of {@code positionQuantity} shares (sign ignored), rounded down. */
    public long sharesGiven(long positionQuantity) {
        if (unit == Unit.SHARES) return amount.longValueExact();
        return amount.multiply(BigDecimal.valueOf(Math.abs(positionQuantity))).movePointLeft(2)
                .setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    }

    @Override public String toString() {
        return unit == Unit.SHARES ? amount.toPlainString() + " shares" : amount.stripTrailingZeros().toPlainString() + "% of position";
    }

    public enum Unit { SHARES, PERCENT_OF_POSITION }
}
