package io.quorum.engine.backtest;

import java.time.Duration;
import java.util.List;

/**
 * What a replay produced: how it decided ({@code mode}), the trades in the order they closed, the
 * equity after each instant, the closes of the charted ticker (the first one replayed), how many
 * bars were replayed, the desk's decisions by outcome, and the trades its vetoes prevented,
 * followed as if taken.
 */
public record BacktestRun(BacktestConfig config, String mode, List<String> tickers, Duration barInterval, long bars, List<Trade> trades,
                          List<EquityPoint> equity, List<PricePoint> chartedPrices, DecisionTally decisions, List<Trade> vetoedTrades) {
    public BacktestRun {
        tickers = List.copyOf(tickers);
        vetoedTrades = List.copyOf(vetoedTrades);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        chartedPrices = List.copyOf(chartedPrices);
    }
}
