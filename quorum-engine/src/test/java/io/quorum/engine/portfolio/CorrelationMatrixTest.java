package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quorum.engine.market.Ticker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {
    private static final Ticker A = Ticker.of("AAA");
    private static final Ticker B = Ticker.of("BBB");
    private static final Ticker C = Ticker.of("CCC");

    @Test
    void two_identical_series_correlate_one_and_a_series_with_its_negation_minus_one() {
        double[] returns = randomReturns(250, 7);
        double[] negated = new double[returns.length];
        for (int d = 0; d < returns.length; d++) negated[d] = -returns[d];

        CorrelationMatrix matrix = CorrelationMatrix.of(ReturnHistory.of(List.of(A, B, C), days(250), new double[][] {returns, returns.clone(), negated}));

        assertThat(matrix.between(A, B)).isCloseTo(1.0, within(1e-12));
        assertThat(matrix.between(A, C)).isCloseTo(-1.0, within(1e-12));
        assertThat(matrix.between(C, C)).isEqualTo(1.0);
    }

    @Test
    void the_matrix_is_symmetric_and_independent_series_correlate_near_zero() {
        CorrelationMatrix matrix = CorrelationMatrix.of(ReturnHistory.of(List.of(A, B), days(5_000), new double[][] {randomReturns(5_000, 1), randomReturns(5_000, 2)}));

        assertThat(matrix.value(0, 1)).isEqualTo(matrix.value(1, 0));
        assertThat(matrix.value(0, 1)).isCloseTo(0.0, within(0.05));
    }

    @Test
    void a_series_that_never_moves_correlates_zero_with_the_others() {
        CorrelationMatrix matrix = CorrelationMatrix.of(ReturnHistory.of(List.of(A, B), days(3), new double[][] {{0.01, -0.02, 0.03}, {0, 0, 0}}));

        assertThat(matrix.between(A, B)).isZero();
        assertThat(matrix.dailyVolatility(1)).isZero();
    }

    static double[] randomReturns(int days, long seed) {
        Random random = new Random(seed);
        double[] returns = new double[days];
        for (int d = 0; d < days; d++) returns[d] = 0.02 * random.nextGaussian();
        return returns;
    }

    static List<LocalDate> days(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < count; d++) days.add(LocalDate.of(2020, 1, 1).plusDays(d));
        return days;
    }
}
