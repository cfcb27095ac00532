package io.quorum.engine.market.signal;

import io.quorum.engine.market.Bar;
import java.time.Duration;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * The daily chart of one ticker with its indicators, computed by ta4j. The last bar may be the
 * day in progress: {@link #updateLastDay} replaces it as the day goes on, and ta4j recomputes
 * only the last index (earlier values are cached), so a live update costs a few operations
 * per indicator. Values are doubles: they are chart readings, not money.
 */
public final class DailyIndicators {
    /** The indicator readings at one daily bar; NaN where the history is too short. */
    public record Reading(int index, double open, double close, double high, double low, double fastEma, double slowEma, double sma50,
                          double sma200, double rsi, double macd, double macdSignal, double bollingerUpper,
                          double bollingerMiddle, double bollingerLower, double priorHigh, double priorLow, double atr) {}

    private static final int MAX_BARS = 1_000;
    private static final int SMA_MEDIUM = 50;
    private static final int SMA_LONG = 200;
    private static final int ATR_PERIOD = 14;

    private final MonitorSettings settings;
    private final BarSeries series;
    private final NumFactory numbers = DoubleNumFactory.getInstance();
    private final ClosePriceIndicator close;
    private final Indicator<Num> fastEma;
    private final Indicator<Num> slowEma;
    private final Indicator<Num> sma50;
    private final Indicator<Num> sma200;
    private final Indicator<Num> rsi;
    private final Indicator<Num> macd;
    private final Indicator<Num> macdSignal;
    private final Indicator<Num> bollingerUpper;
    private final Indicator<Num> bollingerMiddle;
    private final Indicator<Num> bollingerLower;
    private final Indicator<Num> highestHigh;
    private final Indicator<Num> lowestLow;
    private final Indicator<Num> atr;

    public DailyIndicators(List<Bar> completedDays, MonitorSettings settings) {
        this.settings = settings;
        this.series = new BaseBarSeriesBuilder().withName("daily").withNumFactory(numbers).build();
        series.setMaximumBarCount(MAX_BARS);
        this.close = new ClosePriceIndicator(series);
        this.fastEma = new EMAIndicator(close, settings.fastEma());
        this.slowEma = new EMAIndicator(close, settings.slowEma());
        this.sma50 = new SMAIndicator(close, SMA_MEDIUM);
        this.sma200 = new SMAIndicator(close, SMA_LONG);
        this.rsi = new RSIIndicator(close, settings.rsiPeriod());
        MACDIndicator macdLine = new MACDIndicator(close, settings.macdFast(), settings.macdSlow());
        this.macd = macdLine;
        this.macdSignal = macdLine.getSignalLine(settings.macdSignal());
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, settings.bollingerPeriod()));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, settings.bollingerPeriod());
        Num width = numbers.numOf(settings.bollingerWidth());
        this.bollingerMiddle = middle;
        this.bollingerUpper = new BollingerBandsUpperIndicator(middle, deviation, width);
        this.bollingerLower = new BollingerBandsLowerIndicator(middle, deviation, width);
        this.highestHigh = new HighestValueIndicator(new HighPriceIndicator(series), settings.breakoutDays());
        this.lowestLow = new LowestValueIndicator(new LowPriceIndicator(series), settings.breakoutDays());
        this.atr = new ATRIndicator(series, ATR_PERIOD);
        for (Bar day : completedDays) appendDay(day);
    }

    /** Adds a new daily bar (a completed day or the first reading of a new one). */
    public void appendDay(Bar day) { series.addBar(toTa4j(day), false); }

    /** Replaces the last daily bar with a newer reading of the same day. */
    public void updateLastDay(Bar day) { series.addBar(toTa4j(day), true); }

    public boolean isEmpty() { return series.isEmpty(); }

    public int endIndex() { return series.getEndIndex(); }

    public Reading latest() { return at(series.getEndIndex()); }

    /** The readings at {@code index} (0 = the oldest bar still kept). */
    public Reading at(int index) {
        int first = series.getBeginIndex();
        int bars = index - first + 1;
        return new Reading(index,
                series.getBar(index).getOpenPrice().doubleValue(),
                value(close, index, 1, bars),
                series.getBar(index).getHighPrice().doubleValue(),
                series.getBar(index).getLowPrice().doubleValue(),
                value(fastEma, index, settings.fastEma(), bars),
                value(slowEma, index, settings.slowEma(), bars),
                value(sma50, index, SMA_MEDIUM, bars),
                value(sma200, index, SMA_LONG, bars),
                value(rsi, index, settings.rsiPeriod() + 1, bars),
                value(macd, index, settings.macdSlow(), bars),
                value(macdSignal, index, settings.macdSlow() + settings.macdSignal(), bars),
                value(bollingerUpper, index, settings.bollingerPeriod(), bars),
                value(bollingerMiddle, index, settings.bollingerPeriod(), bars),
                value(bollingerLower, index, settings.bollingerPeriod(), bars),
                value(highestHigh, index - 1, settings.breakoutDays(), bars - 1),
                value(lowestLow, index - 1, settings.breakoutDays(), bars - 1),
                value(atr, index, ATR_PERIOD + 1, bars));
    }

    /** The average daily volume of the {@code days} completed days before the last bar; NaN if there are fewer. */
    public double averageVolumeBeforeLast(int days) {
        int end = series.getEndIndex();
        if (end - series.getBeginIndex() < days) return Double.NaN;
        double sum = 0;
        for (int i = end - days; i < end; i++) sum += series.getBar(i).getVolume().doubleValue();
        return sum / days;
    }

    private static double value(Indicator<Num> indicator, int index, int barsNeeded, int barsAvailable) {
        return barsAvailable < barsNeeded ? Double.NaN : indicator.getValue(index).doubleValue();
    }

    private org.ta4j.core.Bar toTa4j(Bar day) {
        Duration period = Duration.ofDays(1);
        return new BaseBar(period, day.start(), day.start().plus(period),
                micros(day.openMicros()), micros(day.highMicros()), micros(day.lowMicros()), micros(day.closeMicros()),
                numbers.numOf(day.volume()), numbers.zero(), 0);
    }

    private Num micros(long micros) { return numbers.numOf(micros / 1e6); }
}
