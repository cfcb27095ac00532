package io.quorum.engine.market.signal;

/** The technical events the monitor recognises; each fires once when its condition starts to hold. */
public enum SignalKind {
    EMA_BULLISH_CROSS(true),
    EMA_BEARISH_CROSS(false),
    /** The 50-day SMA crosses above the 200-day SMA. */
    GOLDEN_CROSS(true),
    DEATH_CROSS(false),
    RSI_OVERBOUGHT(false),
    RSI_OVERSOLD(true),
    MACD_BULLISH_CROSS(true),
    MACD_BEARISH_CROSS(false),
    BOLLINGER_UPPER_BREAK(true),
    BOLLINGER_LOWER_BREAK(false),
    /** The price trades above the highest high of the previous N days. */
    BREAKOUT_HIGH(true),
    BREAKDOWN_LOW(false),
    SMA200_CROSS_ABOVE(true),
    SMA200_CROSS_BELOW(false),
    /** The price is {@code intradayMoveAtr} ATRs (as of the previous close) above the day's open. */
    INTRADAY_RALLY(true),
    INTRADAY_DROP(false);

    private final boolean bullish;

    SignalKind(boolean bullish) { this.bullish = bullish; }

    /** Whether the event usually argues for higher prices (an oversold RSI does; an overbought one does not). */
    public boolean isBullish() { return bullish; }
}
