package io.quorum.engine.portfolio;

/**
 * Variance–covariance: the portfolio's one-day P&L is taken as normal with mean zero (over one day
 * the mean return is small beside its spread, and an estimated mean is mostly noise) and standard
 * deviation {@code σ = √(Σᵢ Σⱼ xᵢ σᵢ ρᵢⱼ σⱼ xⱼ)}, from the exposures x, the daily volatilities σ and the
 * correlations ρ. Then {@code VaR = z σ} and {@code ES = σ φ(z) ÷ (1 − confidence)}, z the normal quantile.
 */
public record ParametricVar(CorrelationMatrix correlation) implements VarModel {
    public ParametricVar {
        if (correlation == null) throw new IllegalArgumentException("parametric VaR needs a correlation matrix");
    }

    @Override public TailRisk tailRisk(double[] exposures, Confidence confidence) {
        double sigma = standardDeviation(exposures);
        double z = StandardNormal.quantile(confidence.level());
        return new TailRisk(confidence, z * sigma, sigma * StandardNormal.density(z) / (1 - confidence.level()));
    }

    /** The standard deviation of the portfolio's one-day P&L in dollars. */
    public double standardDeviation(double[] exposures) {
        int size = correlation.size();
        if (exposures.length != size) throw new IllegalArgumentException("parametric VaR: " + exposures.length + " exposures for " + size + " tickers");
        double[] scaled = new double[size];
        for (int i = 0; i < size; i++) scaled[i] = exposures[i] * correlation.dailyVolatility(i);
        double variance = 0;
        for (int i = 0; i < size; i++) {
            if (scaled[i] == 0) continue;
            double row = 0;
            for (int j = 0; j < size; j++) row += correlation.value(i, j) * scaled[j];
            variance += scaled[i] * row;
        }
        return Math.sqrt(Math.max(0, variance));
    }
}
