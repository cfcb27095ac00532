package io.quorum.engine.backtest.metrics;

import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.EquityPoint;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.money.Money;
import java.time.Duration;
import java.util.List;

/**
 * The headline figures of a backtest, read off its equity curve (one point per instant replayed)
 * and its trades. Ratios are doubles: they are statistics, not money. A figure that the run cannot
 * define (a Sharpe ratio with no variation, a profit factor with no losing trade) is NaN.
 *
 * <ul>
 *   <li>returns: r<sub>t</sub> = E<sub>t</sub> / E<sub>t−1</sub> − 1 between consecutive equity points, E<sub>0</sub> being the starting cash;</li>
 *   <li>total return = E<sub>last</sub> / E<sub>0</sub> − 1;</li>
 *   <li>CAGR = (E<sub>last</sub> / E<sub>0</sub>)<sup>1/years</sup> − 1, years = calendar days from the first to the last point ÷ 365.25;</li>
 *   <li>annualised volatility = sample standard deviation of r × √P, P = {@link #periodsPerYear};</li>
 *   <li>Sharpe = mean(r) / stdev(r) × √P, with a risk-free rate of zero;</li>
 *   <li>Sortino = mean(r) / downside deviation × √P, downside deviation = √(Σ min(r, 0)² / n);</li>
 *   <li>max drawdown = the largest fall from a running peak, (peak − E) / peak; its duration runs from
 *       that peak to the first point back at the peak, or to the last point when it never recovers;</li>
 *   <li>win rate = trades with a positive net P&L ÷ trades; profit factor = their gains ÷ the losers' losses;</li>
 *   <li>exposure = the share of equity points at which a position was open.</li>
 * </ul>
 */
public record PerformanceMetrics(Money startingEquity, Money endingEquity, Money netPnl, double totalReturn, double cagr,
                                 double annualisedVolatility, double sharpe, double sortino, double maxDrawdown, long maxDrawdownBars,
                                 Duration maxDrawdownDuration, int trades, double winRate, double profitFactor, double exposure,
                                 double periodsPerYear) {
    private static final double TRADING_DAYS = 252;
    private static final double DAYS_PER_YEAR = 365.25;
    private static final long TRADING_SECONDS_PER_DAY = 23_400;

    public static PerformanceMetrics of(BacktestRun run) {
        long start = run.config().startingCash().micros();
        List<EquityPoint> curve = run.equity();
        long end = curve.isEmpty() ? start : curve.getLast().equityMicros();
        double periods = periodsPerYear(run.barInterval());
        Returns returns = Returns.of(start, curve);
        Drawdown drawdown = Drawdown.of(start, curve);
        double growth = (double) end / start;
        double years = curve.size() < 2 ? 0 : Duration.between(curve.getFirst().time(), curve.getLast().time()).toSeconds() / 86_400.0 / DAYS_PER_YEAR;
        int invested = 0;
        for (EquityPoint point : curve) if (point.invested()) invested++;
        return new PerformanceMetrics(Money.ofMicros(start), Money.ofMicros(end), Money.ofMicros(end - start), growth - 1,
                years <= 0 ? Double.NaN : Math.pow(growth, 1 / years) - 1,
                returns.deviation() * Math.sqrt(periods),
                ratio(returns.mean(), returns.deviation()) * Math.sqrt(periods),
                ratio(returns.mean(), returns.downsideDeviation()) * Math.sqrt(periods),
                drawdown.depth(), drawdown.bars(), drawdown.duration(),
                run.trades().size(), winRate(run.trades()), profitFactor(run.trades()),
                curve.isEmpty() ? 0 : (double) invested / curve.size(), periods);
    }

    /** 252 for daily bars; intraday bars scale it by the 6.5-hour session; longer bars count calendar days. */
    static double periodsPerYear(Duration interval) {
        if (interval.isZero() || interval.isNegative()) return TRADING_DAYS;
        if (interval.compareTo(Duration.ofDays(1)) < 0) return TRADING_DAYS * TRADING_SECONDS_PER_DAY / interval.toSeconds();
        if (interval.equals(Duration.ofDays(1))) return TRADING_DAYS;
        return DAYS_PER_YEAR / (interval.toSeconds() / 86_400.0);
    }

    private static double ratio(double mean, double deviation) { return deviation == 0 ? Double.NaN : mean / deviation; }

    private static double winRate(List<Trade> trades) {
        if (trades.isEmpty()) return Double.NaN;
        int wins = 0;
        for (Trade trade : trades) if (trade.pnlMicros() > 0) wins++;
        return (double) wins / trades.size();
    }

    private static double profitFactor(List<Trade> trades) {
        long gains = 0;
        long losses = 0;
        for (Trade trade : trades) {
            if (trade.pnlMicros() > 0) gains += trade.pnlMicros();
            else losses -= trade.pnlMicros();
        }
        return losses == 0 ? Double.NaN : (double) gains / losses;
    }
}
