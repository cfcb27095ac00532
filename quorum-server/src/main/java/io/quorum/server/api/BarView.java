package io.quorum.server.api;

/** An OHLCV bar for the chart: {@code time} in epoch seconds (what lightweight-charts reads), prices as strings. */
public record BarView(long time, String open, String high, String low, String close, long volume) {}
