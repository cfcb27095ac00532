package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnHistoryTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Ticker MSFT = Ticker.of("MSFT");
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);

    @Test
    void a_daily_return_is_the_close_over_the_previous_close_less_one_dated_by_the_later_bar() {
        ReturnHistory history = ReturnHistory.ofDailyBars(Map.of(AAPL, DailyBars.closing(AAPL, MAY_1, "100", "110", "99")), 10);

        assertThat(history.days()).containsExactly(MAY_1.plusDays(1), MAY_1.plusDays(2));
        assertThat(history.returnOn(0, 0)).isCloseTo(0.10, within(1e-12));
        assertThat(history.returnOn(0, 1)).isCloseTo(-0.10, within(1e-12));
    }

    @Test
    void only_the_days_every_ticker_has_are_kept_and_of_those_the_latest_window() {
        List<Bar> aapl = DailyBars.closing(AAPL, MAY_1, "100", "101", "102", "103", "104", "105");
        List<Bar> msft = DailyBars.closing(MSFT, MAY_1.plusDays(2), "200", "202", "204", "206");

        ReturnHistory history = ReturnHistory.ofDailyBars(Map.of(AAPL, aapl, MSFT, msft), 2);

        assertThat(history.tickers()).containsExactly(AAPL, MSFT);
        assertThat(history.days()).containsExactly(MAY_1.plusDays(4), MAY_1.plusDays(5));
        assertThat(history.returnOn(history.indexOf(MSFT), 1)).isCloseTo(206.0 / 204 - 1, within(1e-12));
    }

    @Test
    void the_daily_volatility_is_the_sample_standard_deviation() {
        ReturnHistory history = ReturnHistory.of(List.of(AAPL), List.of(MAY_1, MAY_1.plusDays(1), MAY_1.plusDays(2), MAY_1.plusDays(3)),
                new double[][] {{0.01, -0.01, 0.03, -0.03}});

        assertThat(history.dailyVolatility(0)).isCloseTo(Math.sqrt((0.0001 + 0.0001 + 0.0009 + 0.0009) / 3), within(1e-15));
    }

    @Test
    void a_ticker_without_history_has_no_row_and_an_impossible_return_is_refused() {
        ReturnHistory history = ReturnHistory.of(List.of(AAPL), List.of(MAY_1), new double[][] {{0.01}});

        assertThat(history.indexOf(MSFT)).isEqualTo(-1);
        assertThatThrownBy(() -> ReturnHistory.of(List.of(AAPL), List.of(MAY_1), new double[][] {{-1.5}}))
                .hasMessageContaining("impossible daily return");
    }
}
