package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoricalVarTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Ticker MSFT = Ticker.of("MSFT");

    /** 100 days returning −5.0%, −4.9%, …, +4.9%: on $10,000 the five worst days lose 500, 490, 480, 470 and 460 dollars. */
    private static final ReturnHistory STEPS = ReturnHistory.of(List.of(AAPL), CorrelationMatrixTest.days(100), new double[][] {steps()});

    @ParameterizedTest(name = "{0} at {1} bp: VaR {2}, ES {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # exposure | confidence | VaR (the k-th worst loss, k = ceil(100 × (1 − c))) | ES (mean of the k worst)
            10000      | 9500       | 460 | 480
            10000      | 9900       | 500 | 500
            10000      | 9000       | 410 | 455
            -10000     | 9500       | 450 | 470
            """)
    void var_is_the_kth_worst_scenario_loss_and_es_the_mean_of_the_k_worst(double exposure, int basisPoints, double var, double es) {
        TailRisk risk = new HistoricalVar(STEPS).tailRisk(new double[] {exposure}, new Confidence(basisPoints));

        assertThat(risk.valueAtRisk()).isCloseTo(var, within(1e-9));
        assertThat(risk.expectedShortfall()).isCloseTo(es, within(1e-9));
    }

    @Test
    void each_day_is_one_scenario_for_the_whole_portfolio_so_offsetting_moves_cancel() {
        double[] up = {0.02, -0.01, 0.03, -0.04};
        double[] down = {-0.02, 0.01, -0.03, 0.04};
        ReturnHistory history = ReturnHistory.of(List.of(AAPL, MSFT), CorrelationMatrixTest.days(4), new double[][] {up, down});

        TailRisk hedged = new HistoricalVar(history).tailRisk(new double[] {5_000, 5_000}, Confidence.P95);
        TailRisk alone = new HistoricalVar(history).tailRisk(new double[] {5_000, 0}, Confidence.P95);

        assertThat(hedged.valueAtRisk()).isZero();
        assertThat(alone.valueAtRisk()).isCloseTo(200, within(1e-9));
    }

    @Test
    void a_tail_without_a_loss_is_a_var_of_zero_and_becomes_money_at_the_boundary() {
        ReturnHistory gains = ReturnHistory.of(List.of(AAPL), CorrelationMatrixTest.days(3), new double[][] {{0.01, 0.02, 0.0123456}});

        TailRisk risk = new HistoricalVar(gains).tailRisk(new double[] {1_000}, Confidence.P99);
        TailRisk short_ = new HistoricalVar(gains).tailRisk(new double[] {-1_000}, Confidence.P99);

        assertThat(risk.valueAtRiskMoney()).isEqualTo(Money.ZERO);
        assertThat(short_.valueAtRiskMoney()).isEqualTo(Money.parse("20.00"));
    }

    private static double[] steps() {
        double[] returns = new double[100];
        for (int d = 0; d < 100; d++) returns[d] = (d - 50) / 1000.0;
        return returns;
    }
}
