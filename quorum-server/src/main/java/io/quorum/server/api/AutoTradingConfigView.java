package io.quorum.server.api;

/**
 * The limits the user sets for auto-trading. Per cents and money are decimal strings, times
 * {@code HH:mm} in {@code timeZone}. Fields are boxed so that a request missing one is reported by
 * name instead of silently defaulting; {@code trailingStopPct} may be null, and so may
 * {@code sizing}, which then means the default rule (fixed-fractional, 1 % of equity at risk).
 */
public record AutoTradingConfigView(String maxPositionPct, String maxDailyLossPct, Integer maxTradesPerDay,
                                    String tradingHoursStart, String tradingHoursEnd, String timeZone,
                                    String requireConfirmationAbove, Integer decisionTimeoutSeconds, Integer quorum,
                                    String trailingStopPct, Boolean flattenOnMaxLoss, SizingView sizing) {

    /** Limits that size by the default rule. */
    public AutoTradingConfigView(String maxPositionPct, String maxDailyLossPct, Integer maxTradesPerDay, String tradingHoursStart,
                                 String tradingHoursEnd, String timeZone, String requireConfirmationAbove, Integer decisionTimeoutSeconds,
                                 Integer quorum, String trailingStopPct, Boolean flattenOnMaxLoss) {
        this(maxPositionPct, maxDailyLossPct, maxTradesPerDay, tradingHoursStart, tradingHoursEnd, timeZone, requireConfirmationAbove,
                decisionTimeoutSeconds, quorum, trailingStopPct, flattenOnMaxLoss, null);
    }

    /**
     * How the session sizes a trade: {@code rule} is FIXED_FRACTIONAL ({@code riskPct}),
     * ATR_MULTIPLE ({@code riskPct}, {@code atrMultiple}), VOLATILITY_TARGET
     * ({@code targetDailyVolPct}) or FIXED_AMOUNT ({@code amount}, dollars); the inputs a rule does
     * not read are null.
     */
    public record SizingView(String rule, String riskPct, String atrMultiple, String targetDailyVolPct, String amount) {}
}
