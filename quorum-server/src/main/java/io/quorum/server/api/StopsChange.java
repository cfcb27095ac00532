package io.quorum.server.api;

/** New protective levels for a position; a null field removes that level. Decimal strings, already checked to parse. */
public record StopsChange(String stopLoss, String takeProfit, String trailingStopPct) {}
