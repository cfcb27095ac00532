package io.quorum.engine.market;

import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The Technical agent's snapshot of a ticker from its daily bars (the last bar may be today's,
 * still forming): trend averages, momentum, volatility, the recent range and the last bar's open. The indicators are
 * ta4j's in decimal arithmetic ({@link Ta4jReadings}), rounded to cents for prices, and computed in integer arithmetic
 * ({@link FixedPointReadings}) whenever that tells how ta4j's round, which is almost always: the same values in
 * microseconds rather than milliseconds, so that a backtest can ask at every decision.
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
    /**
     * The completed daily bars a view reads before the day it is taken on: live, the day is today's
     * forming bar; in a replay, the bar that just closed. The same count both ways, so that the
     * recursive averages (EMA, MACD, RSI, ATR) start on the same bar live and in a backtest.
     */
    public static final int COMPLETED_DAYS_READ = 260;

    public static TechnicalView of(List<Bar> dailyBars) { return of(BarWindow.of(dailyBars)); }

    /** The view at the latest bar of {@code daily}: every bar it holds is read, the oldest first. */
    public static TechnicalView of(BarWindow daily) {
        int size = daily.size();
        if (size < BARS_NEEDED) {
            throw new IllegalArgumentException("need " + BARS_NEEDED + " daily bars for a technical view, got " + size);
        }
        TechnicalReadings readings = FixedPointReadings.of(daily).orElseGet(() -> Ta4jReadings.of(daily));
        long volumeSum = 0;
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        // The 20-day range and average volume exclude today, so that a breakout is measured against the past.
        for (int i = size - 21; i < size - 1; i++) {
            volumeSum += daily.volume(i);
            high = Math.max(high, daily.highMicros(i));
            low = Math.min(low, daily.lowMicros(i));
        }
        int today = size - 1;
        return new TechnicalView(
                Price.ofMicros(daily.closeMicros(today)),
                readings.sma20(),
                readings.sma50(),
                readings.sma200(),
                readings.rsi14(),
                readings.atr14(),
                readings.macd(),
                readings.macdSignal(),
                Price.ofMicros(high),
                Price.ofMicros(low),
                volumeSum / 20,
                daily.volume(today),
                Price.ofMicros(daily.openMicros(today)));
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
}
