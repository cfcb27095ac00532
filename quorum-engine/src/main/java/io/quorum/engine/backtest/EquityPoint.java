package io.quorum.engine.backtest;

import java.time.Instant;

/** The account after the bars of one instant closed: cash plus the open positions at their closes, and whether any was open. */
public record EquityPoint(Instant time, long equityMicros, boolean invested) {}
