package io.quorum.engine.market;

import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.Num;

/**
 * The readings as ta4j computes them: a {@code BarSeries} of the bars in {@code DecimalNum} (16
 * significant digits), its SMA, RSI, ATR, MACD and EMA indicators read at the last bar, rounded
 * half-even to the readings' scales. The definition of the readings, and the answer whenever
 * {@link FixedPointReadings} cannot tell which way a reading rounds; about 2 ms for 260 bars.
 */
final class Ta4jReadings {
    private static final Duration DAY = Duration.ofDays(1);

    private Ta4jReadings() {}

    static TechnicalReadings of(BarWindow bars) {
        BarSeries series = toSeries(bars);
        int end = series.getEndIndex();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        return new TechnicalReadings(
                price(new SMAIndicator(close, 20), end),
                price(new SMAIndicator(close, 50), end),
                price(new SMAIndicator(close, 200), end),
                decimal(new RSIIndicator(close, 14), end, 1),
                price(new ATRIndicator(series, 14), end),
                decimal(macd, end, 4),
                decimal(signal, end, 4));
    }

    /** The window as a daily series; its bars' times, which no reading depends on, are days counted from the epoch. */
    private static BarSeries toSeries(BarWindow bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("technical view").withNumFactory(DecimalNumFactory.getInstance()).build();
        for (int i = 0; i < bars.size(); i++) {
            series.barBuilder()
                    .timePeriod(DAY)
                    .endTime(Instant.EPOCH.plus(DAY.multipliedBy(i + 1L)))
                    .openPrice(BigDecimal.valueOf(bars.openMicros(i), 6))
                    .highPrice(BigDecimal.valueOf(bars.highMicros(i), 6))
                    .lowPrice(BigDecimal.valueOf(bars.lowMicros(i), 6))
                    .closePrice(BigDecimal.valueOf(bars.closeMicros(i), 6))
                    .volume(bars.volume(i))
                    .add();
        }
        return series;
    }

    private static Price price(Indicator<Num> indicator, int index) {
        BigDecimal value = decimal(indicator, index, 2);
        return value.signum() > 0 ? Price.of(value) : Price.ofMicros(1);
    }

    private static BigDecimal decimal(Indicator<Num> indicator, int index, int scale) {
        return new BigDecimal(indicator.getValue(index).toString()).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
