package io.quorum.engine.broker;

import io.quorum.engine.money.Money;
import java.util.Objects;

/**
 * How the paper broker behaves: the cash it starts with, the slippage it adds to every fill (in
 * basis points, against the trader: buys pay more, sells receive less) and its commission.
 */
public record PaperBrokerConfig(Money startingCash, int slippageBasisPoints, CommissionSchedule commission) {
    public PaperBrokerConfig {
        Objects.requireNonNull(startingCash, "startingCash");
        if (startingCash.isNegative()) throw new IllegalArgumentException("startingCash: must not be negative");
        if (slippageBasisPoints < 0 || slippageBasisPoints >= 10_000) {
            throw new IllegalArgumentException("slippageBasisPoints: must be in [0, 10000), was " + slippageBasisPoints);
        }
        Objects.requireNonNull(commission, "commission");
    }

    /** No slippage, no commission: fills at exactly the touch. */
    public static PaperBrokerConfig frictionless(Money startingCash) {
        return new PaperBrokerConfig(startingCash, 0, CommissionSchedule.FREE);
    }
}
