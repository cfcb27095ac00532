package io.quorum.engine.backtest;

import io.quorum.engine.backtest.fill.Costs;
import io.quorum.engine.backtest.fill.ProtectionPolicy;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.money.Money;
import java.util.Objects;

/**
 * How a backtest trades: the cash it starts with, the fixed number of shares each entry buys, the
 * strategy, what fills cost, the protective levels of every entry, and the seed of anything random
 * (the simulated news and fundamentals of a full desk), so that the same inputs give the same report.
 */
public record BacktestConfig(Money startingCash, long shares, StrategySpec strategy, Costs costs, ProtectionPolicy protection, long seed) {
    public static final long DEFAULT_SHARES = 100;
    public static final Money DEFAULT_STARTING_CASH = Money.ofDollars(100_000);
    private static final long MAX_SHARES = 1_000_000_000L;
    private static final Money MAX_STARTING_CASH = Money.ofDollars(1_000_000_000_000L);

    public BacktestConfig {
        Objects.requireNonNull(startingCash, "startingCash");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(protection, "protection");
        if (!startingCash.isPositive() || startingCash.compareTo(MAX_STARTING_CASH) > 0) {
            throw new IllegalArgumentException("the starting cash must be positive and at most " + MAX_STARTING_CASH + ", was " + startingCash);
        }
        if (shares < 1 || shares > MAX_SHARES) throw new IllegalArgumentException("the size must be from 1 to " + MAX_SHARES + " shares, was " + shares);
    }

    /** sma-cross:10,30, 100 shares, $100,000, no costs, no protective levels, seed 0. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(DEFAULT_STARTING_CASH, DEFAULT_SHARES, StrategySpec.DEFAULT, Costs.NONE, ProtectionPolicy.NONE, 0);
    }

    public BacktestConfig withStrategy(StrategySpec spec) { return new BacktestConfig(startingCash, shares, spec, costs, protection, seed); }

    public BacktestConfig withShares(long count) { return new BacktestConfig(startingCash, count, strategy, costs, protection, seed); }

    public BacktestConfig withCosts(Costs newCosts) { return new BacktestConfig(startingCash, shares, strategy, newCosts, protection, seed); }

    public BacktestConfig withProtection(ProtectionPolicy policy) { return new BacktestConfig(startingCash, shares, strategy, costs, policy, seed); }

    public BacktestConfig withSeed(long newSeed) { return new BacktestConfig(startingCash, shares, strategy, costs, protection, newSeed); }
}
