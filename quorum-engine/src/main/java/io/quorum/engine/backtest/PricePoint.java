package io.quorum.engine.backtest;

import java.time.Instant;

/** A close of the ticker the report charts, for the price chart and its trade markers. */
public record PricePoint(Instant time, long closeMicros) {}
