package io.quorum.server.api;

import io.quorum.engine.market.ExchangeCalendar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Builds a {@link Performance} from closed trades, in exact decimals. The conventions:
 * <ul>
 *   <li>equity starts at {@code capital} and moves by each trade's P&L when it closes;</li>
 *   <li>drawdown is how far the equity is below its highest point so far, in dollars and in per cent of that point;</li>
 *   <li>a win is a trade with a positive P&L, a loss one with a negative P&L (an even trade is neither, but counts in the win rate's trades);</li>
 *   <li>profit factor is the wins' P&L over the losses' (as a positive number);</li>
 *   <li>Sharpe is the mean of the daily returns over their sample standard deviation, times √252, with a risk-free rate of 0; a
 *       day's return is its P&L over the equity at its start, and every trading day of the exchange from the first close to the
 *       last counts, a day without a close as a return of 0.</li>
 * </ul>
 */
public final class PerformanceReport {
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TRADING_DAYS_A_YEAR = BigDecimal.valueOf(252);

    private PerformanceReport() { }

    /** {@code trades} in the order they closed; {@code calendar} names the trading days and their zone. */
    public static Performance of(List<ClosedTrade> trades, BigDecimal capital, ExchangeCalendar calendar) {
        List<Performance.EquityPoint> equity = new ArrayList<>();
        NavigableMap<LocalDate, BigDecimal> daily = new TreeMap<>();
        BigDecimal current = capital;
        BigDecimal peak = capital;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        BigDecimal maxDrawdownPct = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        int wins = 0;
        int losses = 0;
        if (!trades.isEmpty()) equity.add(new Performance.EquityPoint(trades.getFirst().openedAt(), twoPlaces(capital), twoPlaces(BigDecimal.ZERO), twoPlaces(BigDecimal.ZERO)));
        for (ClosedTrade trade : trades) {
            BigDecimal pnl = new BigDecimal(trade.pnl());
            if (pnl.signum() > 0) {
                wins++;
                won = won.add(pnl);
            } else if (pnl.signum() < 0) {
                losses++;
                lost = lost.add(pnl);
            }
            daily.merge(calendar.tradingDate(trade.closedAt()), pnl, BigDecimal::add);
            current = current.add(pnl);
            peak = peak.max(current);
            BigDecimal drawdown = peak.subtract(current);
            BigDecimal drawdownPct = peak.signum() > 0 ? drawdown.multiply(HUNDRED).divide(peak, PRECISION) : BigDecimal.ZERO;
            maxDrawdown = maxDrawdown.max(drawdown);
            maxDrawdownPct = maxDrawdownPct.max(drawdownPct);
            equity.add(new Performance.EquityPoint(trade.closedAt(), twoPlaces(current), twoPlaces(drawdown), twoPlaces(drawdownPct)));
        }
        List<Performance.DailyPnl> days = new ArrayList<>();
        daily.forEach((date, pnl) -> days.add(new Performance.DailyPnl(date, twoPlaces(pnl))));
        Performance.Stats stats = new Performance.Stats(trades.size(), wins, losses,
                trades.isEmpty() ? null : ratio(BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trades.size()), PRECISION)),
                lost.signum() == 0 ? null : ratio(won.divide(lost.negate(), PRECISION)),
                wins == 0 ? null : twoPlaces(won.divide(BigDecimal.valueOf(wins), PRECISION)),
                losses == 0 ? null : twoPlaces(lost.divide(BigDecimal.valueOf(losses), PRECISION)),
                twoPlaces(current.subtract(capital)), twoPlaces(maxDrawdown), twoPlaces(maxDrawdownPct), sharpe(daily, capital, calendar));
        return new Performance(twoPlaces(capital), equity, days, stats);
    }

    private static String sharpe(NavigableMap<LocalDate, BigDecimal> daily, BigDecimal capital, ExchangeCalendar calendar) {
        if (daily.isEmpty()) return null;
        List<BigDecimal> returns = new ArrayList<>();
        BigDecimal equity = capital;
        LocalDate last = daily.lastKey();
        for (LocalDate day = daily.firstKey(); !day.isAfter(last); day = calendar.nextTradingDay(day)) {
            BigDecimal pnl = daily.getOrDefault(day, BigDecimal.ZERO);
            if (equity.signum() <= 0) return null;
            returns.add(pnl.divide(equity, PRECISION));
            equity = equity.add(pnl);
        }
        if (returns.size() < 2) return null;
        BigDecimal n = BigDecimal.valueOf(returns.size());
        BigDecimal mean = returns.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, PRECISION);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal r : returns) squares = squares.add(r.subtract(mean).pow(2, PRECISION));
        BigDecimal deviation = squares.divide(n.subtract(BigDecimal.ONE), PRECISION).sqrt(PRECISION);
        if (deviation.signum() == 0) return null;
        return ratio(mean.divide(deviation, PRECISION).multiply(TRADING_DAYS_A_YEAR.sqrt(PRECISION), PRECISION));
    }

    /** Dollars and per cents alike, to two places. */
    private static String twoPlaces(BigDecimal value) { return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString(); }

    private static String ratio(BigDecimal value) { return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString(); }
}
