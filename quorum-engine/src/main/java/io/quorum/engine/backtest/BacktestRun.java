package io.quorum.engine.backtest;

import java.time.Duration;
import java.util.List;

/**
 * What a replay produced: the trades in the order they closed, the equity after each instant, the
 * closes of the charted ticker (the first one replayed), and how many bars were replayed.
 */
public record BacktestRun(BacktestConfig config, List<String> tickers, Duration barInterval, long bars, List<Trade> trades,
                          List<EquityPoint> equity, List<PricePoint> chartedPrices) {
    public BacktestRun {
        tickers = List.copyOf(tickers);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
        chartedPrices = List.copyOf(chartedPrices);
    }
}
