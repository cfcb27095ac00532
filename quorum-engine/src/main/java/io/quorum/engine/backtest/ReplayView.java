package io.quorum.engine.backtest;

import io.quorum.engine.backtest.fill.Holding;
import io.quorum.engine.backtest.strategy.SignalStrategy;
import io.quorum.engine.market.Ticker;
import java.time.Instant;
import java.util.Optional;

/** What the replay shows at a bar's close: the replay time, each ticker's strategy with its bars and indicators so far, its holding, the equity. */
public interface ReplayView {
    Instant now();

    long barsDone();

    Optional<SignalStrategy> strategy(Ticker ticker);

    Optional<Holding> holding(Ticker ticker);

    /** Cash plus the open positions at their latest prices, in micro-dollars. */
    long equityMicros();

    /** The open positions at their latest prices (signed), in micro-dollars. */
    long marketValueMicros();

    /** The equity after the instant before this one (the starting cash before the first): today's P&L is measured from it. */
    long previousEquityMicros();
}
