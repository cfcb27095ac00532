package io.quorum.server.api;

/**
 * The limits the user sets for auto-trading. Per cents and money are decimal strings, times
 * {@code HH:mm} in {@code timeZone}. Fields are boxed so that a request missing one is reported by
 * name instead of silently defaulting; {@code trailingStopPct} alone may be null.
 */
public record AutoTradingConfigView(String maxPositionPct, String maxDailyLossPct, Integer maxTradesPerDay,
                                    String tradingHoursStart, String tradingHoursEnd, String timeZone,
                                    String requireConfirmationAbove, Integer decisionTimeoutSeconds, Integer quorum,
                                    String trailingStopPct, Boolean flattenOnMaxLoss) {}
