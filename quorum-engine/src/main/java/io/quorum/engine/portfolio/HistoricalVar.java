package io.quorum.engine.portfolio;

import java.util.Arrays;

/**
 * Historical simulation: each day of the window is a scenario in which today's exposures earn that
 * day's returns, {@code loss = −Σ exposure × return}. Of the n scenario losses, sorted from the
 * largest, the tail is the {@code k = ceil(n × (1 − confidence))} largest: VaR is the k-th largest
 * loss (no interpolation) and ES is the mean of the k. With 500 days, VaR 99% is the 5th worst day
 * and ES 99% the mean of the 5 worst.
 */
public record HistoricalVar(ReturnHistory history) implements VarModel {
    public HistoricalVar {
        if (history == null || history.dayCount() == 0) throw new IllegalArgumentException("historical VaR needs at least one day of returns");
    }

    @Override public TailRisk tailRisk(double[] exposures, Confidence confidence) {
        double[] losses = scenarioLosses(exposures);
        Arrays.sort(losses);
        int n = losses.length;
        int tail = confidence.tailCount(n);
        double sum = 0;
        for (int d = n - tail; d < n; d++) sum += losses[d];
        return new TailRisk(confidence, Math.max(0, losses[n - tail]), Math.max(0, sum / tail));
    }

    private double[] scenarioLosses(double[] exposures) {
        if (exposures.length != history.tickers().size()) throw new IllegalArgumentException("historical VaR: " + exposures.length + " exposures for " + history.tickers().size() + " tickers");
        double[] losses = new double[history.dayCount()];
        for (int i = 0; i < exposures.length; i++) {
            double exposure = exposures[i];
            if (exposure == 0) continue;
            double[] row = history.row(i);
            for (int d = 0; d < losses.length; d++) losses[d] -= exposure * row[d];
        }
        return losses;
    }
}
