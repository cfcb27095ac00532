package io.quorum.server.api;

import java.util.List;

/**
 * The account's risk: one-day VaR and Expected Shortfall at 95% and 99% by historical simulation and
 * variance–covariance, the stress results and the correlations of daily returns (docs/portfolio-risk.md).
 *
 * @param historyDays days of returns the figures rest on
 * @param uncovered   tickers held without return history, in no VaR
 * @param limits      the account's limits the RiskEngine holds orders to
 */
public record RiskView(String equity, int historyDays, List<TailRiskFigure> valueAtRisk, List<StressFigure> stress,
                       Correlation correlation, List<String> uncovered, Limits limits) {

    /** Per cent of equity: gross and net exposure, one sector's net exposure, the historical VaR 99%, the worst stress loss. */
    public record Limits(String grossExposurePct, String netExposurePct, String sectorPct, String valueAtRisk99Pct, String stressLossPct) {}

    /** {@code method} HISTORICAL or PARAMETRIC, {@code confidence} "95" or "99"; losses as positive amounts. */
    public record TailRiskFigure(String method, String confidence, String valueAtRisk, String valueAtRiskPct,
                                 String expectedShortfall, String expectedShortfallPct) {}

    /** A scenario's P&L (negative is a loss) and the tickers it could not price. */
    public record StressFigure(String scenario, String pnl, String pnlPct, List<String> uncovered) {}

    /**
     * {@code values[i][j]} is the correlation of {@code tickers[i]} and {@code tickers[j]} (four places);
     * volatilities are the sample standard deviations of daily returns in per cent, annualised by √252.
     */
    public record Correlation(List<String> tickers, List<List<String>> values, List<String> dailyVolatilityPct, List<String> annualVolatilityPct) {}
}
