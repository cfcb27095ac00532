package io.quorum.engine.backtest;

import io.quorum.engine.backtest.strategy.Signal;
import io.quorum.engine.market.Bar;

/** {@code --single-agent}: the strategy's signals executed directly, long only, with the config's fixed size and protective levels. */
public final class SignalExecution implements CloseDecisions {
    public static final String MODE = "single-agent: the strategy's signals executed directly, without the vote";

    private final NextOrder.Enter entry;

    public SignalExecution(BacktestConfig config) {
        this.entry = new NextOrder.Enter(config.shares(), fill -> config.protection().protectionFor(true, fill));
    }

    @Override public NextOrder decide(Bar bar, Signal signal, ReplayView replay) {
        return switch (signal) {
            case ENTER_LONG -> entry;
            case EXIT_LONG -> NextOrder.EXIT;
            case NONE -> NextOrder.NOTHING;
        };
    }

    @Override public DecisionTally tally() { return DecisionTally.NONE; }

    @Override public String mode() { return MODE; }
}
