package io.quorum.engine.market.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor's ta4j readings against hand-written formulas over real ORCL and AAPL daily bars. */
@RequiresMarketData
class DailyIndicatorsGoldenTest {
    private static final List<Bar> ORCL = RealDailyBars.load("orcl-1995-2014.txt", Ticker.of("ORCL"));
    private static final List<Bar> AAPL_2013 = RealDailyBars.load("AAPL-PT1D-20130102_20131231.csv", Ticker.of("AAPL"));
    /** Far enough in that the different seeds of the recursive averages have decayed below the tolerance. */
    private static final int SETTLED = 600;

    private static double[] closes(List<Bar> bars) {
        double[] closes = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) closes[i] = bars.get(i).closeMicros() / 1e6;
        return closes;
    }

    private static double[] highs(List<Bar> bars) {
        double[] highs = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) highs[i] = bars.get(i).highMicros() / 1e6;
        return highs;
    }

    @Test
    void averages_rsi_macd_bands_and_breakout_levels_match_the_textbook_formulas_on_twenty_years_of_orcl() {
        MonitorSettings settings = MonitorSettings.defaults();
        List<Bar> kept = ORCL.subList(ORCL.size() - 1_000, ORCL.size());
        DailyIndicators indicators = new DailyIndicators(kept, settings);
        double[] close = closes(ORCL);
        int offset = ORCL.size() - kept.size();

        double[] sma50 = ReferenceIndicators.sma(close, 50);
        double[] sma200 = ReferenceIndicators.sma(close, 200);
        double[] ema20 = ReferenceIndicators.ema(close, 20);
        double[] ema50 = ReferenceIndicators.ema(close, 50);
        double[] rsi = ReferenceIndicators.wilderRsi(close, 14);
        double[] macd = ReferenceIndicators.macd(close, 12, 26);
        double[] signal = ReferenceIndicators.ema(macd, 9);
        double[] upper = ReferenceIndicators.bollinger(close, 20, 2);
        double[] lower = ReferenceIndicators.bollinger(close, 20, -2);
        double[] priorHigh = ReferenceIndicators.priorHighest(highs(ORCL), 20);

        int checked = 0;
        for (int i = SETTLED; i < kept.size(); i += 37) {
            DailyIndicators.Reading reading = indicators.at(i);
            int real = offset + i;
            assertThat(reading.close()).isEqualTo(close[real]);
            assertThat(reading.sma50()).isCloseTo(sma50[real], within(1e-9));
            assertThat(reading.sma200()).isCloseTo(sma200[real], within(1e-9));
            assertThat(reading.fastEma()).isCloseTo(ema20[real], within(1e-6));
            assertThat(reading.slowEma()).isCloseTo(ema50[real], within(1e-6));
            assertThat(reading.rsi()).isCloseTo(rsi[real], within(1e-4));
            assertThat(reading.macd()).isCloseTo(macd[real], within(1e-6));
            assertThat(reading.macdSignal()).isCloseTo(signal[real], within(1e-6));
            assertThat(reading.bollingerUpper()).isCloseTo(upper[real], within(1e-6));
            assertThat(reading.bollingerLower()).isCloseTo(lower[real], within(1e-6));
            assertThat(reading.priorHigh()).isEqualTo(priorHigh[real]);
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void aapl_2013_year_end_readings_match_the_textbook_formulas() {
        DailyIndicators indicators = new DailyIndicators(AAPL_2013, MonitorSettings.defaults());
        double[] close = closes(AAPL_2013);
        int last = AAPL_2013.size() - 1;
        DailyIndicators.Reading yearEnd = indicators.latest();

        assertThat(yearEnd.close()).isEqualTo(561.02);
        assertThat(yearEnd.sma50()).isCloseTo(ReferenceIndicators.sma(close, 50)[last], within(1e-9));
        assertThat(yearEnd.rsi()).isCloseTo(ReferenceIndicators.wilderRsi(close, 14)[last], within(0.01));
        assertThat(yearEnd.sma200()).as("200-day SMA of a 252-bar year").isCloseTo(ReferenceIndicators.sma(close, 200)[last], within(1e-9));
    }
}
