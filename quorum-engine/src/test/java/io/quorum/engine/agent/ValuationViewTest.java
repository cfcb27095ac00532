package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValuationViewTest {

    @ParameterizedTest(name = "P/E {0} vs {1}, growth {2} vs {3}, net cash {4}B, D/E {5} -> score {6}")
    @CsvSource(textBlock = """
            28.4, 24.1, 0.15, 0.09,  57, 1.5,  3
            45.0, 24.1, 0.05, 0.09,  10, 0.5, -1
            18.0, 24.1, 0.02, 0.02, -30, 3.1,  0
            60.0, 30.0, 0.40, 0.10,  20, 0.4,  3
            """)
    void a_premium_over_the_sector_must_be_earned_by_growth(String pe, String sectorPe, String growth, String sectorGrowth, long netCashBillions, String debtToEquity, int expectedScore) {
        Fundamentals facts = new Fundamentals(Ticker.of("AAPL"), "Technology", new BigDecimal(pe), new BigDecimal(growth), new BigDecimal("0.05"),
                Money.ofDollars(netCashBillions * 1_000_000_000L), new BigDecimal(debtToEquity), new BigDecimal(sectorPe), new BigDecimal(sectorGrowth));

        assertThat(ValuationView.of(facts).score()).isEqualTo(expectedScore);
    }

    @Test
    void the_summary_reads_like_an_analyst_note() {
        Fundamentals facts = new Fundamentals(Ticker.of("AAPL"), "Technology", new BigDecimal("28.4"), new BigDecimal("0.12"), new BigDecimal("0.05"),
                Money.ofDollars(57_000_000_000L), new BigDecimal("1.5"), new BigDecimal("24.1"), new BigDecimal("0.09"));

        assertThat(ValuationView.of(facts).summary())
                .isEqualTo("P/E 28.4 vs sector 24.1 (+17.8%), EPS growth 12.0% vs 9.0%, net cash $57.0B, debt/equity 1.50");
    }
}
