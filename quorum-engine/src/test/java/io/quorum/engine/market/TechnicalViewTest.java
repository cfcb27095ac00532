package io.quorum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.RealDailyBars;
import io.quorum.engine.market.signal.RequiresMarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checked against values computed by hand from Apple's real 2013 daily bars. */
@RequiresMarketData
class TechnicalViewTest {
    private static final List<Bar> AAPL_2013 = RealDailyBars.load("AAPL-PT1D-20130102_20131231.csv", Ticker.of("AAPL"));

    @Test
    void moving_averages_equal_the_plain_average_of_the_last_closes() {
        TechnicalView view = TechnicalView.of(AAPL_2013);

        assertThat(view.sma20().toBigDecimal()).isEqualByComparingTo(averageClose(20));
        assertThat(view.sma50().toBigDecimal()).isEqualByComparingTo(averageClose(50));
        assertThat(view.sma200().toBigDecimal()).isEqualByComparingTo(averageClose(200));
        assertThat(view.last().toBigDecimal()).isEqualByComparingTo("561.02");
    }

    @Test
    void rsi_matches_wilders_smoothing_computed_by_hand() {
        assertThat(TechnicalView.of(AAPL_2013).rsi14()).isEqualByComparingTo(wilderRsi(14));
    }

    @Test
    void the_twenty_day_range_excludes_today() {
        TechnicalView view = TechnicalView.of(AAPL_2013);
        List<Bar> past = AAPL_2013.subList(AAPL_2013.size() - 21, AAPL_2013.size() - 1);

        assertThat(view.high20().micros()).isEqualTo(past.stream().mapToLong(Bar::highMicros).max().orElseThrow());
        assertThat(view.low20().micros()).isEqualTo(past.stream().mapToLong(Bar::lowMicros).min().orElseThrow());
    }

    @Test
    void fewer_than_201_bars_is_refused_because_the_200_day_average_is_not_ready() {
        assertThatThrownBy(() -> TechnicalView.of(AAPL_2013.subList(0, 200))).hasMessageContaining("need 201 daily bars");
    }

    private static BigDecimal averageClose(int days) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Bar bar : AAPL_2013.subList(AAPL_2013.size() - days, AAPL_2013.size())) sum = sum.add(BigDecimal.valueOf(bar.closeMicros(), 6));
        return sum.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal wilderRsi(int period) {
        double averageGain = 0;
        double averageLoss = 0;
        for (int i = 1; i < AAPL_2013.size(); i++) {
            double change = (AAPL_2013.get(i).closeMicros() - AAPL_2013.get(i - 1).closeMicros()) / 1e6;
            double gain = Math.max(change, 0);
            double loss = Math.max(-change, 0);
            if (i <= period) {
                averageGain += gain / period;
                averageLoss += loss / period;
            } else {
                averageGain = (averageGain * (period - 1) + gain) / period;
                averageLoss = (averageLoss * (period - 1) + loss) / period;
            }
        }
        return BigDecimal.valueOf(100 - 100 / (1 + averageGain / averageLoss)).setScale(1, RoundingMode.HALF_EVEN);
    }
}
