package io.quorum.adapters.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** What a model costs, in dollars per million tokens sent and received. A local model is {@link #FREE}. */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    /** The most a price may say: no model costs a thousand dollars per million tokens. */
    static final BigDecimal HIGHEST = BigDecimal.valueOf(1000);
    static final int SCALE = 6;
    public static final ModelPrice FREE = new ModelPrice(BigDecimal.ZERO, BigDecimal.ZERO);

    public ModelPrice {
        requirePrice(inputPerMillion, "inputPerMillion");
        requirePrice(outputPerMillion, "outputPerMillion");
    }

    /** The dollars a call with these tokens costs, to the millionth of a dollar, rounded up. */
    public BigDecimal cost(long tokensIn, long tokensOut) {
        return inputPerMillion.multiply(BigDecimal.valueOf(tokensIn)).add(outputPerMillion.multiply(BigDecimal.valueOf(tokensOut)))
                .movePointLeft(6).setScale(SCALE, RoundingMode.CEILING);
    }

    private static void requirePrice(BigDecimal price, String field) {
        Objects.requireNonNull(price, field);
        if (price.signum() < 0 || price.compareTo(HIGHEST) > 0 || price.scale() > SCALE) {
            throw new IllegalArgumentException(field + ": dollars per million tokens from 0 to " + HIGHEST + ", at most " + SCALE + " decimals, was " + price);
        }
    }
}
