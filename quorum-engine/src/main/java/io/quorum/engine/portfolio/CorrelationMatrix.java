package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import java.util.List;

/**
 * Pearson correlations of daily returns over a {@link ReturnHistory}'s window, with the daily
 * volatilities they were scaled by; together they are the covariance the parametric VaR uses. A
 * ticker whose returns never vary correlates 0 with the others (and 1 with itself): it carries no risk to share.
 */
public final class CorrelationMatrix {
    private final List<Ticker> tickers;
    private final double[][] correlations;
    private final double[] volatilities;

    private CorrelationMatrix(List<Ticker> tickers, double[][] correlations, double[] volatilities) {
        this.tickers = tickers;
        this.correlations = correlations;
        this.volatilities = volatilities;
    }

    public static CorrelationMatrix of(ReturnHistory history) {
        int size = history.tickers().size();
        int n = history.dayCount();
        double[][] centred = new double[size][];
        double[] volatilities = new double[size];
        for (int i = 0; i < size; i++) {
            double[] row = history.row(i);
            double mean = ReturnHistory.mean(row);
            centred[i] = new double[n];
            for (int d = 0; d < n; d++) centred[i][d] = row[d] - mean;
            volatilities[i] = history.dailyVolatility(i);
        }
        double[] norms = new double[size];
        for (int i = 0; i < size; i++) norms[i] = Math.sqrt(dot(centred[i], centred[i]));
        double[][] correlations = new double[size][size];
        for (int i = 0; i < size; i++) {
            correlations[i][i] = 1;
            for (int j = i + 1; j < size; j++) {
                double rho = norms[i] == 0 || norms[j] == 0 ? 0 : clamp(dot(centred[i], centred[j]) / (norms[i] * norms[j]));
                correlations[i][j] = rho;
                correlations[j][i] = rho;
            }
        }
        return new CorrelationMatrix(history.tickers(), correlations, volatilities);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) sum += a[d] * b[d];
        return sum;
    }

    /** Rounding can carry a perfect correlation a hair beyond ±1. */
    private static double clamp(double rho) { return Math.max(-1, Math.min(1, rho)); }

    public List<Ticker> tickers() { return tickers; }

    public int size() { return tickers.size(); }

    public double value(int i, int j) { return correlations[i][j]; }

    /** The correlation of two tickers of the matrix. */
    public double between(Ticker a, Ticker b) {
        int i = tickers.indexOf(a);
        int j = tickers.indexOf(b);
        if (i < 0 || j < 0) throw new IllegalArgumentException("no correlation for " + (i < 0 ? a : b) + ": it has no return history");
        return correlations[i][j];
    }

    public double dailyVolatility(int i) { return volatilities[i]; }
}
