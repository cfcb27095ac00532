package io.quorum.engine.backtest;

import io.quorum.engine.backtest.strategy.Signal;
import io.quorum.engine.market.Bar;

/**
 * Who turns a close's signal into the next open's order: the signal itself ({@link SignalExecution},
 * {@code --single-agent}), or the desk's vote. Called on the replay's thread, at each bar's close,
 * with the replay clock at that close; it sees only what the replay has shown.
 */
public interface CloseDecisions {
    NextOrder decide(Bar bar, Signal signal, ReplayView replay);

    /** What the decisions came to, for the report; called once the data has ended. */
    DecisionTally tally();

    /** The report's sentence for how the replay decided, e.g. "single-agent: …". */
    String mode();
}
