package io.quorum.server.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How a session or the account has done, read off its closed trades: the equity after each trade
 * with the drawdown from the peak before it, the P&L of each trading day, and the figures a trader
 * compares desks by. Money as decimal strings; a ratio that cannot be had (no loss for a profit
 * factor, fewer than two days for a Sharpe ratio) is null.
 */
public record Performance(String capital, List<EquityPoint> equity, List<DailyPnl> daily, Stats stats) {

    /** The equity once a trade closed (the first point: the capital, before any trade). */
    public record EquityPoint(Instant time, String equity, String drawdown, String drawdownPct) {}

    /** The P&L of the trades closed on one trading day of the exchange. */
    public record DailyPnl(LocalDate date, String pnl) {}

    public record Stats(int trades, int wins, int losses, String winRate, String profitFactor, String averageWin, String averageLoss,
                        String totalPnl, String maxDrawdown, String maxDrawdownPct, String sharpe) {}
}
