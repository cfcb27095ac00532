package io.quorum.server.api;

import io.quorum.engine.message.Direction;
import java.time.Instant;

/** One open position; {@code stopLoss}, {@code takeProfit} and {@code trailingStopPct} may be null. */
public record PositionView(String ticker, Direction direction, long quantity, String entryPrice, String currentPrice,
                           String stopLoss, String takeProfit, String trailingStopPct, Instant openedAt,
                           String unrealizedPnl, String unrealizedPnlPct, String realizedPnl) {}
