package io.quorum.server.api;

import io.quorum.engine.message.Direction;
import java.time.Instant;
import java.util.List;

/**
 * A round trip: shares bought (or sold short) and sold (or bought back) again. Prices are the fill
 * prices, the entry averaged over the fills that built the position; {@code pnl} is gross of
 * commissions. A partial exit is a trade of its own, for the shares it closed.
 */
public record ClosedTrade(String sessionId, String ticker, Direction direction, long quantity, String entryPrice, String exitPrice,
                          Instant openedAt, Instant closedAt, String pnl, String pnlPct, ExitKind exitReason, String exitDetail,
                          List<String> entryOrderIds, String exitOrderId) {}
