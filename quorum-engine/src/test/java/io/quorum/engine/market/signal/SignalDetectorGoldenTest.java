package io.quorum.engine.market.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays twenty years of real ORCL days through the detector and compares its signals with crossings found by hand. */
@RequiresMarketData
class SignalDetectorGoldenTest {
    private static final Ticker ORCL_TICKER = Ticker.of("ORCL");
    private static final List<Bar> ORCL = RealDailyBars.load("orcl-1995-2014.txt", ORCL_TICKER);
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;

    private static List<IndicatorSignal> replay(List<Bar> days) {
        SignalDetector detector = new SignalDetector(ORCL_TICKER, List.of(), MonitorSettings.defaults(), NYSE);
        List<IndicatorSignal> signals = new ArrayList<>();
        for (Bar day : days) signals.addAll(detector.onDay(day, NYSE.sessionClose(NYSE.tradingDate(day.start())), 1));
        return signals;
    }

    private static List<LocalDate> datesOf(List<IndicatorSignal> signals, SignalKind kind) {
        return signals.stream().filter(s -> s.kind() == kind).map(s -> NYSE.tradingDate(s.at())).toList();
    }

    /** The days on which {@code above} goes from not above {@code below} to above it. */
    private static List<LocalDate> upCrossings(double[] above, double[] below) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 1; i < above.length; i++) {
            boolean before = above[i - 1] - below[i - 1] > 0;
            boolean now = above[i] - below[i] > 0;
            boolean known = !Double.isNaN(above[i - 1] - below[i - 1]);
            if (known && now && !before) dates.add(NYSE.tradingDate(ORCL.get(i).start()));
        }
        return dates;
    }

    private static double[] closes() {
        double[] closes = new double[ORCL.size()];
        for (int i = 0; i < closes.length; i++) closes[i] = ORCL.get(i).closeMicros() / 1e6;
        return closes;
    }

    @Test
    void golden_and_death_crosses_fire_on_the_days_the_50_day_sma_crosses_the_200_day_sma() {
        double[] close = closes();
        double[] sma50 = ReferenceIndicators.sma(close, 50);
        double[] sma200 = ReferenceIndicators.sma(close, 200);
        List<IndicatorSignal> signals = replay(ORCL);

        List<LocalDate> golden = datesOf(signals, SignalKind.GOLDEN_CROSS);
        assertThat(golden).isEqualTo(upCrossings(sma50, sma200)).hasSizeGreaterThan(5);
        assertThat(datesOf(signals, SignalKind.DEATH_CROSS)).isEqualTo(upCrossings(sma200, sma50));
        assertThat(golden).contains(LocalDate.of(2003, 12, 10));
        IndicatorSignal cross = signals.stream().filter(s -> s.kind() == SignalKind.GOLDEN_CROSS
                && NYSE.tradingDate(s.at()).equals(LocalDate.of(2003, 12, 10))).findFirst().orElseThrow();
        assertThat(cross.text()).startsWith("ORCL's 50-day SMA ($").contains("crossed above its 200-day SMA").contains("average volume");
    }

    @Test
    void price_crossing_the_200_day_sma_fires_once_per_crossing_in_each_direction() {
        double[] close = closes();
        double[] sma200 = ReferenceIndicators.sma(close, 200);
        List<IndicatorSignal> signals = replay(ORCL);

        assertThat(datesOf(signals, SignalKind.SMA200_CROSS_ABOVE)).isEqualTo(upCrossings(close, sma200));
        assertThat(datesOf(signals, SignalKind.SMA200_CROSS_BELOW)).isEqualTo(upCrossings(sma200, close));
    }

    @Test
    void rsi_extremes_fire_on_entering_the_zone_not_on_every_day_inside_it() {
        double[] rsi = ReferenceIndicators.wilderRsi(closes(), 14);
        double[] seventy = new double[rsi.length];
        java.util.Arrays.fill(seventy, 70);
        List<IndicatorSignal> signals = replay(ORCL);

        List<LocalDate> fired = datesOf(signals, SignalKind.RSI_OVERBOUGHT);
        List<LocalDate> expected = upCrossings(rsi, seventy).stream().filter(d -> d.getYear() >= 1997).toList();
        assertThat(fired.stream().filter(d -> d.getYear() >= 1997).toList()).isEqualTo(expected);
        long daysAboveSeventy = java.util.Arrays.stream(rsi).filter(v -> v > 70).count();
        assertThat((long) fired.size()).isLessThan(daysAboveSeventy);
    }
}
