package io.quorum.engine.market.signal;

/**
 * The periods and thresholds of the market monitor. The defaults are the ones traders quote:
 * 20/50 EMA, 50/200 SMA, RSI 14 at 70/30, MACD 12/26/9, Bollinger 20 with 2 deviations, a
 * 20-day breakout, a volume spike at 3x the average of the last 20 one-minute bars, and an
 * intraday move of 1.5 times the 14-day ATR (as of the previous close) from the day's open.
 */
public record MonitorSettings(int fastEma, int slowEma, int rsiPeriod, double rsiOverbought, double rsiOversold,
                              int macdFast, int macdSlow, int macdSignal, int bollingerPeriod, double bollingerWidth,
                              int breakoutDays, int volumeAverageBars, double volumeSpikeMultiple, double intradayMoveAtr) {
    public MonitorSettings {
        if (fastEma < 1 || slowEma <= fastEma) throw new IllegalArgumentException("EMA periods must satisfy 1 <= fast < slow: " + fastEma + "/" + slowEma);
        if (rsiPeriod < 2 || !(rsiOversold > 0 && rsiOversold < rsiOverbought && rsiOverbought < 100)) {
            throw new IllegalArgumentException("RSI needs a period >= 2 and 0 < oversold < overbought < 100");
        }
        if (macdFast < 1 || macdSlow <= macdFast || macdSignal < 1) throw new IllegalArgumentException("MACD periods must satisfy 1 <= fast < slow, signal >= 1");
        if (bollingerPeriod < 2 || !(bollingerWidth > 0)) throw new IllegalArgumentException("Bollinger needs a period >= 2 and a positive width");
        if (breakoutDays < 1 || volumeAverageBars < 1 || !(volumeSpikeMultiple > 1)) {
            throw new IllegalArgumentException("breakout days and volume bars must be >= 1, the spike multiple > 1");
        }
        if (!(intradayMoveAtr > 0)) throw new IllegalArgumentException("the intraday move must be a positive number of ATRs: " + intradayMoveAtr);
    }

    public static MonitorSettings defaults() { return new MonitorSettings(20, 50, 14, 70, 30, 12, 26, 9, 20, 2, 20, 20, 3, 1.5); }

    public MonitorSettings withBreakoutDays(int days) {
        return new MonitorSettings(fastEma, slowEma, rsiPeriod, rsiOverbought, rsiOversold, macdFast, macdSlow, macdSignal,
                bollingerPeriod, bollingerWidth, days, volumeAverageBars, volumeSpikeMultiple, intradayMoveAtr);
    }

    public MonitorSettings withVolumeSpike(int averageBars, double multiple) {
        return new MonitorSettings(fastEma, slowEma, rsiPeriod, rsiOverbought, rsiOversold, macdFast, macdSlow, macdSignal,
                bollingerPeriod, bollingerWidth, breakoutDays, averageBars, multiple, intradayMoveAtr);
    }

    public MonitorSettings withIntradayMove(double atrs) {
        return new MonitorSettings(fastEma, slowEma, rsiPeriod, rsiOverbought, rsiOversold, macdFast, macdSlow, macdSignal,
                bollingerPeriod, bollingerWidth, breakoutDays, volumeAverageBars, volumeSpikeMultiple, atrs);
    }
}
