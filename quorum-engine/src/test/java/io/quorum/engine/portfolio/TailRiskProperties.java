package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TailRiskProperties {
    private static final List<Ticker> TICKERS = List.of(Ticker.of("AAA"), Ticker.of("BBB"), Ticker.of("CCC"));

    @Property
    void var_grows_with_position_size_both_ways(
            @ForAll @LongRange(min = 1, max = 1_000) long seed,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
            @ForAll @DoubleRange(min = 1, max = 10) double growth,
            @ForAll Confidence95or99 level) {
        ReturnHistory history = correlatedHistory(seed, 0.5);
        double[] exposures = {a, b, 0};
        double[] larger = {a * growth, b * growth, 0};

        for (VarModel model : models(history)) {
            assertThat(model.tailRisk(larger, level.confidence()).valueAtRisk())
                    .isGreaterThanOrEqualTo(model.tailRisk(exposures, level.confidence()).valueAtRisk() * (1 - 1e-12));
        }
        TailRisk smaller = new HistoricalVar(history).tailRisk(new double[] {Math.abs(a), 0, 0}, level.confidence());
        TailRisk more = new HistoricalVar(history).tailRisk(new double[] {Math.abs(a) + 1_000, 0, 0}, level.confidence());
        assertThat(more.valueAtRisk()).isGreaterThanOrEqualTo(smaller.valueAtRisk());
    }

    @Property
    void expected_shortfall_is_never_below_var(
            @ForAll @LongRange(min = 1, max = 1_000) long seed,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double c,
            @ForAll @IntRange(min = 5_000, max = 9_990) int basisPoints) {
        ReturnHistory history = correlatedHistory(seed, 0.3);
        Confidence confidence = new Confidence(basisPoints);

        for (VarModel model : models(history)) {
            TailRisk risk = model.tailRisk(new double[] {a, b, c}, confidence);
            assertThat(risk.expectedShortfall()).isGreaterThanOrEqualTo(risk.valueAtRisk() * (1 - 1e-12));
        }
    }

    /**
     * Against a long in A, a short in a positively correlated B of {@code λ} times the
     * minimum-variance hedge ({@code ρ σA ÷ σB} dollars per dollar of A), with 0 &lt; λ &lt; 2, has a
     * smaller variance than A alone: {@code h² σB² + 2 h ρ σA σB x} is negative for those h.
     */
    @Property
    void a_position_that_hedges_another_lowers_parametric_var(
            @ForAll @LongRange(min = 1, max = 1_000) long seed,
            @ForAll @DoubleRange(min = 0.1, max = 0.95) double correlation,
            @ForAll @DoubleRange(min = 1_000, max = 1e6) double longA,
            @ForAll @DoubleRange(min = 0.05, max = 1.95) double lambda,
            @ForAll Confidence95or99 level) {
        CorrelationMatrix matrix = CorrelationMatrix.of(correlatedHistory(seed, correlation));
        ParametricVar model = new ParametricVar(matrix);
        double rho = matrix.value(0, 1);
        double hedge = -lambda * rho * matrix.dailyVolatility(0) / matrix.dailyVolatility(1) * longA;

        double alone = model.tailRisk(new double[] {longA, 0, 0}, level.confidence()).valueAtRisk();
        double hedged = model.tailRisk(new double[] {longA, hedge, 0}, level.confidence()).valueAtRisk();

        assertThat(hedged).isLessThan(alone);
    }

    enum Confidence95or99 {
        P95(Confidence.P95), P99(Confidence.P99);

        private final Confidence confidence;

        Confidence95or99(Confidence confidence) { this.confidence = confidence; }

        Confidence confidence() { return confidence; }
    }

    private static List<VarModel> models(ReturnHistory history) {
        return List.of(new HistoricalVar(history), new ParametricVar(CorrelationMatrix.of(history)));
    }

    /** 250 days of three tickers: B correlates about {@code rho} with A, C is on its own. */
    private static ReturnHistory correlatedHistory(long seed, double rho) {
        Random random = new Random(seed);
        int days = 250;
        double[][] returns = new double[3][days];
        for (int d = 0; d < days; d++) {
            double common = random.nextGaussian();
            returns[0][d] = 0.02 * common;
            returns[1][d] = 0.03 * (rho * common + Math.sqrt(1 - rho * rho) * random.nextGaussian());
            returns[2][d] = 0.01 * random.nextGaussian();
        }
        return ReturnHistory.of(TICKERS, CorrelationMatrixTest.days(days), returns);
    }
}
