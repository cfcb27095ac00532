package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quorum.engine.market.Ticker;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParametricVarTest {
    private static final Ticker A = Ticker.of("AAA");
    private static final Ticker B = Ticker.of("BBB");
    private static final int DAYS = 252;

    @ParameterizedTest(name = "z({0}) = {1}")
    @CsvSource({"0.95, 1.6448536269514722", "0.99, 2.3263478740408408", "0.975, 1.959963984540054", "0.05, -1.6448536269514722", "0.001, -3.090232306167813"})
    void the_normal_quantile_matches_the_tables(double p, double z) {
        assertThat(StandardNormal.quantile(p)).isCloseTo(z, within(1e-13));
    }

    @Test
    void one_normal_position_has_the_analytic_var_and_es() {
        double sigma = 0.02 * Math.sqrt(DAYS / (DAYS - 1.0));
        ParametricVar model = new ParametricVar(CorrelationMatrix.of(ReturnHistory.of(List.of(A), CorrelationMatrixTest.days(DAYS), new double[][] {alternating(0.02, 1)})));

        TailRisk at95 = model.tailRisk(new double[] {1_000_000}, Confidence.P95);
        TailRisk at99 = model.tailRisk(new double[] {1_000_000}, Confidence.P99);

        assertThat(at95.valueAtRisk()).isCloseTo(1.6448536269514722 * 1_000_000 * sigma, within(1e-6));
        assertThat(at99.valueAtRisk()).isCloseTo(2.3263478740408408 * 1_000_000 * sigma, within(1e-6));
        assertThat(at95.expectedShortfall()).isCloseTo(2.0627128075074257 * 1_000_000 * sigma, within(1e-6));
        assertThat(at99.expectedShortfall()).isCloseTo(2.665214220345808 * 1_000_000 * sigma, within(1e-6));
    }

    @Test
    void uncorrelated_positions_add_in_quadrature_and_perfectly_correlated_ones_add_up() {
        double sigma = 0.01 * Math.sqrt(DAYS / (DAYS - 1.0));
        double[] a = alternating(0.01, 1);
        double[] b = alternating(0.01, 2);
        ParametricVar uncorrelated = new ParametricVar(CorrelationMatrix.of(ReturnHistory.of(List.of(A, B), CorrelationMatrixTest.days(DAYS), new double[][] {a, b})));
        ParametricVar identical = new ParametricVar(CorrelationMatrix.of(ReturnHistory.of(List.of(A, B), CorrelationMatrixTest.days(DAYS), new double[][] {a, a})));

        assertThat(uncorrelated.standardDeviation(new double[] {30_000, 40_000})).isCloseTo(50_000 * sigma, within(1e-9));
        assertThat(identical.standardDeviation(new double[] {30_000, 40_000})).isCloseTo(70_000 * sigma, within(1e-9));
        assertThat(identical.standardDeviation(new double[] {30_000, -30_000})).isCloseTo(0, within(1e-9));
    }

    @Test
    void on_normally_distributed_returns_historical_simulation_converges_to_the_parametric_value() {
        Random random = new Random(17);
        double[] returns = new double[200_000];
        for (int d = 0; d < returns.length; d++) returns[d] = 0.015 * random.nextGaussian();
        ReturnHistory history = ReturnHistory.of(List.of(A), CorrelationMatrixTest.days(returns.length), new double[][] {returns});

        double parametric = new ParametricVar(CorrelationMatrix.of(history)).tailRisk(new double[] {100_000}, Confidence.P99).valueAtRisk();
        double historical = new HistoricalVar(history).tailRisk(new double[] {100_000}, Confidence.P99).valueAtRisk();

        assertThat(parametric).isCloseTo(2.3263478740408408 * 1_500, within(15.0));
        assertThat(historical).isCloseTo(parametric, within(parametric * 0.02));
    }

    /** ±size with the sign flipping every {@code period} days: mean zero, and series of periods 1 and 2 are exactly uncorrelated over a multiple of 4 days. */
    private static double[] alternating(double size, int period) {
        double[] returns = new double[DAYS];
        for (int d = 0; d < DAYS; d++) returns[d] = (d / period) % 2 == 0 ? size : -size;
        return returns;
    }
}
