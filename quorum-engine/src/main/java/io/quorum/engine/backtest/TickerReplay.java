package io.quorum.engine.backtest;

import io.quorum.engine.backtest.fill.Holding;
import io.quorum.engine.backtest.strategy.SignalStrategy;
import io.quorum.engine.market.Bar;

/** One ticker's part of a replay: its strategy, its holding, the order its last close decided, its bars so far. Owned by the replay's thread. */
final class TickerReplay {
    final SignalStrategy strategy;
    Holding holding;
    NextOrder pending = NextOrder.NOTHING;
    long barNumber = -1;
    Bar lastBar;
    long marketValueMicros;

    TickerReplay(SignalStrategy strategy) { this.strategy = strategy; }
}
