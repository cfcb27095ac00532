package io.quorum.server.api;

import java.util.List;

/** A session's open positions and its P&L; money as decimal strings. */
public record PortfolioView(List<PositionView> positions, String dailyPnl, String totalPnl, String realizedPnl,
                            String unrealizedPnl, String equity, String cash) {}
