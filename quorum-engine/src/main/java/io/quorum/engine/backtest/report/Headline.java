package io.quorum.engine.backtest.report;

import io.quorum.engine.backtest.metrics.PerformanceMetrics;

/** A backtest in one line, as the command prints it and a list of past runs shows it. */
public final class Headline {
    private Headline() {}

    /** {@code sma-cross:10,30 on ORCL: 5036 bars, 98 trades; net P&L 2646.07 (2.65%), CAGR 0.13%, Sharpe 0.22, max drawdown 2.30%, win rate 40.82%}. */
    public static String of(BacktestReport report) {
        PerformanceMetrics m = report.metrics();
        return report.run().config().strategy() + " on " + String.join(",", report.run().tickers()) + ": " + report.run().bars() + " bars, "
                + m.trades() + " trades; net P&L " + m.netPnl() + " (" + Figures.percent(m.totalReturn()) + "), CAGR " + Figures.percent(m.cagr())
                + ", Sharpe " + Figures.twoPlaces(m.sharpe()) + ", max drawdown " + Figures.percent(m.maxDrawdown()) + ", win rate " + Figures.percent(m.winRate());
    }
}
