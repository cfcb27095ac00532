package io.quorum.engine.backtest.fill;

import io.quorum.engine.position.ExitReason;

/** A stop, target or trailing stop that a bar touched: why, and the price the exit fills at, slippage included. */
public record ProtectiveExit(ExitReason reason, long priceMicros) {}
