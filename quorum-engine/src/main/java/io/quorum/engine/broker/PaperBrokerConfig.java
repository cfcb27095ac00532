package io.quorum.engine.broker;

import io.quorum.engine.money.Money;
import java.util.Objects;

/**
 * How the paper broker behaves: the cash it starts with, the slippage it adds to every fill (in
 * basis points, against the trader: buys pay more, sells receive less), its commission, and the
 * depth of its market.
 *
 * <p>{@code maxFillQuantity} is the most shares of one order that one quote fills, as if that were
 * all the size shown at the touch. An order larger than that fills in parts, one per quote, and the
 * rest keeps working until it fills, is cancelled or expires. {@link #UNLIMITED_DEPTH} fills every
 * order in one go; a small depth is how a test sees partial fills.
 *
 * <p>{@code keepsBrackets}: whether it takes bracketed entries and keeps their exits itself, as a
 * venue such as Alpaca does; when false it refuses them and the desk's position manager keeps the stops.
 */
public record PaperBrokerConfig(Money startingCash, int slippageBasisPoints, CommissionSchedule commission, long maxFillQuantity, boolean keepsBrackets) {
    public static final long UNLIMITED_DEPTH = Long.MAX_VALUE;

    public PaperBrokerConfig {
        Objects.requireNonNull(startingCash, "startingCash");
        if (startingCash.isNegative()) throw new IllegalArgumentException("startingCash: must not be negative");
        if (slippageBasisPoints < 0 || slippageBasisPoints >= 10_000) {
            throw new IllegalArgumentException("slippageBasisPoints: must be in [0, 10000), was " + slippageBasisPoints);
        }
        Objects.requireNonNull(commission, "commission");
        if (maxFillQuantity <= 0) throw new IllegalArgumentException("maxFillQuantity: must be positive, was " + maxFillQuantity);
    }

    /** A market deep enough to fill every order at once, without brackets. */
    public PaperBrokerConfig(Money startingCash, int slippageBasisPoints, CommissionSchedule commission) {
        this(startingCash, slippageBasisPoints, commission, UNLIMITED_DEPTH, false);
    }

    /** No slippage, no commission: fills at exactly the touch. */
    public static PaperBrokerConfig frictionless(Money startingCash) {
        return new PaperBrokerConfig(startingCash, 0, CommissionSchedule.FREE);
    }

    /** The same broker on a market that fills at most {@code shares} of an order per quote. */
    public PaperBrokerConfig withMaxFillQuantity(long shares) {
        return new PaperBrokerConfig(startingCash, slippageBasisPoints, commission, shares, keepsBrackets);
    }

    /** The same broker, keeping the exits of bracketed entries itself. */
    public PaperBrokerConfig withBrackets() {
        return new PaperBrokerConfig(startingCash, slippageBasisPoints, commission, maxFillQuantity, true);
    }
}
