package io.quorum.engine.market;

import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
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
 * The Technical agent's snapshot of a ticker from its daily bars (the last bar may be today's,
 * still forming): trend averages, momentum, volatility, the recent range and the last bar's open. Computed with ta4j
 * in decimal arithmetic and rounded to cents for prices.
 */
public record TechnicalView(
        Price last,
        Price sma20,
        Price sma50,
        Price sma200,
        BigDecimal rsi14,
        Price atr14,
        BigDecimal macd,
        BigDecimal macdSignal,
        Price high20,
        Price low20,
        long averageVolume20,
        long lastVolume,
        Price open) {

    /** Fewer bars than this and the 200-day average is not ready. */
    public static final int BARS_NEEDED = 201;

    public static TechnicalView of(List<Bar> dailyBars) {
        if (dailyBars.size() < BARS_NEEDED) {
            throw new IllegalArgumentException("need " + BARS_NEEDED + " daily bars for a technical view, got " + dailyBars.size());
        }
        BarSeries series = toSeries(dailyBars);
        int end = series.getEndIndex();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        long volumeSum = 0;
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        // The 20-day range and average volume exclude today, so that a breakout is measured against the past.
        int from = dailyBars.size() - 21;
        for (int i = from; i < dailyBars.size() - 1; i++) {
            Bar bar = dailyBars.get(i);
            volumeSum += bar.volume();
            high = Math.max(high, bar.highMicros());
            low = Math.min(low, bar.lowMicros());
        }
        Bar today = dailyBars.get(dailyBars.size() - 1);
        return new TechnicalView(
                Price.ofMicros(today.closeMicros()),
                price(new SMAIndicator(close, 20), end),
                price(new SMAIndicator(close, 50), end),
                price(new SMAIndicator(close, 200), end),
                decimal(new RSIIndicator(close, 14), end, 1),
                price(new ATRIndicator(series, 14), end),
                decimal(macd, end, 4),
                decimal(signal, end, 4),
                Price.ofMicros(high),
                Price.ofMicros(low),
                volumeSum / 20,
                today.volume(),
                Price.ofMicros(today.openMicros()));
    }

    public boolean aboveSma200() { return last.isAbove(sma200); }

    public boolean uptrend() { return sma50.isAbove(sma200) && last.isAbove(sma50); }

    public boolean downtrend() { return sma50.isBelow(sma200) && last.isBelow(sma50); }

    public boolean overbought() { return rsi14.compareTo(BigDecimal.valueOf(70)) >= 0; }

    public boolean oversold() { return rsi14.compareTo(BigDecimal.valueOf(30)) <= 0; }

    public boolean macdBullish() { return macd.compareTo(macdSignal) > 0; }

    /** Today's volume as a multiple of the 20-day average, one decimal. */
    public BigDecimal volumeMultiple() {
        if (averageVolume20 == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(lastVolume).divide(BigDecimal.valueOf(averageVolume20), 1, RoundingMode.HALF_EVEN);
    }

    /** ATR as a per cent of the price: the day's typical move. */
    public BigDecimal atrPct() {
        return BigDecimal.valueOf(atr14.micros()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(last.micros()), 2, RoundingMode.HALF_EVEN);
    }

    private static BarSeries toSeries(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.get(0).ticker().symbol())
                .withNumFactory(DecimalNumFactory.getInstance()).build();
        for (Bar bar : bars) {
            series.barBuilder()
                    .timePeriod(bar.interval())
                    .endTime(bar.end())
                    .openPrice(BigDecimal.valueOf(bar.openMicros(), 6))
                    .highPrice(BigDecimal.valueOf(bar.highMicros(), 6))
                    .lowPrice(BigDecimal.valueOf(bar.lowMicros(), 6))
                    .closePrice(BigDecimal.valueOf(bar.closeMicros(), 6))
                    .volume(bar.volume())
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
