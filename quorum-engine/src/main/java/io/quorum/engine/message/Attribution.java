package io.quorum.engine.message;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Who reasoned a message out when a language model did, and at what cost: the model as configured
 * and as it named itself, how sure it said it was (0 to 1), the tokens both ways and the dollars.
 * A message the rules said carries none. A cached answer cost nothing and counted no tokens.
 */
public record Attribution(String model, String modelVersion, BigDecimal confidence, long tokensIn, long tokensOut, BigDecimal cost, boolean cached) {
    public Attribution {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model: must not be blank");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(confidence, "confidence");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("confidence: must be from 0 to 1, was " + confidence);
        if (confidence.scale() > 6) throw new IllegalArgumentException("confidence: at most 6 places, was " + confidence);
        if (tokensIn < 0 || tokensOut < 0) throw new IllegalArgumentException("tokens: must not be negative, were " + tokensIn + " in, " + tokensOut + " out");
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) throw new IllegalArgumentException("cost: must not be negative, was " + cost);
    }

    public long tokens() { return tokensIn + tokensOut; }
}
