package io.quorum.engine.portfolio;

/**
 * A confidence level in basis points: 9500 is 95%. Kept in integers so that the number of tail
 * days, {@code ceil(n × (1 − level))}, is exact: {@code 100 × (1 − 0.95)} in doubles is just over 5.
 */
public record Confidence(int basisPoints) {
    public static final Confidence P95 = new Confidence(9_500);
    public static final Confidence P99 = new Confidence(9_900);

    public Confidence {
        if (basisPoints < 5_000 || basisPoints >= 10_000) throw new IllegalArgumentException("confidence: must be at least 50% and below 100%, was " + basisPoints + " basis points");
    }

    public double level() { return basisPoints / 10_000.0; }

    /** How many of {@code scenarios} fall in the tail beyond the quantile: {@code ceil(n × (1 − level))}, at least one. */
    public int tailCount(int scenarios) {
        long tail = ((long) scenarios * (10_000 - basisPoints) + 9_999) / 10_000;
        return (int) Math.max(1, tail);
    }

    /** {@code 95} or {@code 97.5}, for labels. */
    public String percent() {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }
}
