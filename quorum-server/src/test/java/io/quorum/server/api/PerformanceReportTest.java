package io.quorum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.message.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PerformanceReportTest {
    private static final BigDecimal CAPITAL = new BigDecimal("100000.00");
    /** Monday 3 March 2025, 10:00 in New York. */
    private static final Instant MONDAY = Instant.parse("2025-03-03T15:00:00Z");

    @Test void the_equity_moves_by_each_trades_pnl_and_the_drawdown_is_measured_from_the_peak_before_it() {
        Performance report = PerformanceReport.of(List.of(closed(0, "500.00"), closed(0, "-800.00"), closed(0, "200.00")), CAPITAL, ExchangeCalendar.NYSE);

        assertThat(report.equity()).extracting(Performance.EquityPoint::equity).containsExactly("100000.00", "100500.00", "99700.00", "99900.00");
        assertThat(report.equity()).extracting(Performance.EquityPoint::drawdown).containsExactly("0.00", "0.00", "800.00", "600.00");
        assertThat(report.stats().maxDrawdown()).isEqualTo("800.00");
        assertThat(report.stats().maxDrawdownPct()).isEqualTo("0.80");
    }

    @Test void win_rate_profit_factor_and_average_win_and_loss_follow_the_trades() {
        Performance.Stats stats = PerformanceReport.of(List.of(closed(0, "300.00"), closed(0, "100.00"), closed(0, "-200.00"), closed(0, "0.00")),
                CAPITAL, ExchangeCalendar.NYSE).stats();

        assertThat(stats.trades()).isEqualTo(4);
        assertThat(stats.wins()).isEqualTo(2);
        assertThat(stats.losses()).isEqualTo(1);
        assertThat(stats.winRate()).isEqualTo("0.5000");
        assertThat(stats.profitFactor()).isEqualTo("2.0000");
        assertThat(stats.averageWin()).isEqualTo("200.00");
        assertThat(stats.averageLoss()).isEqualTo("-200.00");
        assertThat(stats.totalPnl()).isEqualTo("200.00");
    }

    @Test void the_daily_bars_sum_each_trading_days_closes_in_the_exchanges_zone() {
        // 23:30 in New York on Monday is already Tuesday in UTC: it belongs to Monday.
        ClosedTrade lateMonday = withClose(closed(0, "50.00"), Instant.parse("2025-03-04T04:30:00Z"));
        Performance report = PerformanceReport.of(List.of(closed(0, "100.00"), lateMonday, closed(1, "-30.00")), CAPITAL, ExchangeCalendar.NYSE);

        assertThat(report.daily()).containsExactly(new Performance.DailyPnl(LocalDate.of(2025, 3, 3), "150.00"),
                new Performance.DailyPnl(LocalDate.of(2025, 3, 4), "-30.00"));
    }

    /**
     * Two days of +1% and -0.5% of the equity at their start: mean 0.0025, sample deviation
     * 0.0106066, so Sharpe = 0.0025 / 0.0106066 × √252 = 3.7417.
     */
    @Test void sharpe_annualises_the_mean_over_the_deviation_of_daily_returns_with_no_risk_free_rate() {
        Performance report = PerformanceReport.of(List.of(closed(0, "1000.00"), closed(1, "-505.00")), CAPITAL, ExchangeCalendar.NYSE);

        assertThat(report.stats().sharpe()).isEqualTo("3.7417");
    }

    @Test void a_trading_day_without_a_close_counts_as_a_return_of_zero_and_a_weekend_not_at_all() {
        // Friday 7 March and Monday 10 March have no trading day between them; Wednesday 5 March has no close.
        Performance withGap = PerformanceReport.of(List.of(closed(0, "1000.00"), closed(3, "-505.00")), CAPITAL, ExchangeCalendar.NYSE);
        Performance overWeekend = PerformanceReport.of(List.of(closed(4, "1000.00"), closed(7, "-505.00")), CAPITAL, ExchangeCalendar.NYSE);

        assertThat(withGap.stats().sharpe()).isNotEqualTo("3.7417");
        assertThat(overWeekend.stats().sharpe()).isEqualTo("3.7417");
    }

    @Test void ratios_that_cannot_be_had_are_left_out() {
        Performance.Stats onlyWins = PerformanceReport.of(List.of(closed(0, "10.00")), CAPITAL, ExchangeCalendar.NYSE).stats();
        Performance.Stats none = PerformanceReport.of(List.of(), CAPITAL, ExchangeCalendar.NYSE).stats();

        assertThat(onlyWins.profitFactor()).isNull();
        assertThat(onlyWins.averageLoss()).isNull();
        assertThat(onlyWins.sharpe()).as("one day has no deviation").isNull();
        assertThat(none.winRate()).isNull();
        assertThat(none.totalPnl()).isEqualTo("0.00");
    }

    @Property void the_last_equity_is_the_capital_plus_every_trades_pnl_and_the_drawdown_is_never_negative(@ForAll("pnls") List<BigDecimal> pnls) {
        List<ClosedTrade> trades = new ArrayList<>();
        for (BigDecimal pnl : pnls) trades.add(closed(trades.size() / 3, pnl.toPlainString()));

        Performance report = PerformanceReport.of(trades, CAPITAL, ExchangeCalendar.NYSE);

        BigDecimal total = pnls.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(report.equity().getLast().equity())).isEqualByComparingTo(CAPITAL.add(total));
        assertThat(report.equity()).allSatisfy(point -> assertThat(new BigDecimal(point.drawdown())).isNotNegative());
        assertThat(new BigDecimal(report.stats().winRate())).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        BigDecimal dailySum = report.daily().stream().map(d -> new BigDecimal(d.pnl())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(dailySum).isEqualByComparingTo(total);
    }

    @Provide Arbitrary<List<BigDecimal>> pnls() {
        return Arbitraries.longs().between(-500_000, 500_000).map(cents -> BigDecimal.valueOf(cents, 2)).list().ofMinSize(1).ofMaxSize(40);
    }

    /** A trade closed {@code tradingDaysLater} calendar days after Monday 3 March (within the week, or beyond it). */
    private static ClosedTrade closed(int daysLater, String pnl) {
        Instant at = MONDAY.plusSeconds(86_400L * daysLater);
        return new ClosedTrade("s1", "AAPL", Direction.LONG, 10, "100.00", "101.00", at.minusSeconds(60), at, pnl, "1.00", ExitKind.DECISION,
                "approved by the desk", List.of("q-1"), "q-2");
    }

    private static ClosedTrade withClose(ClosedTrade trade, Instant closedAt) {
        return new ClosedTrade(trade.sessionId(), trade.ticker(), trade.direction(), trade.quantity(), trade.entryPrice(), trade.exitPrice(),
                trade.openedAt(), closedAt, trade.pnl(), trade.pnlPct(), trade.exitReason(), trade.exitDetail(), trade.entryOrderIds(), trade.exitOrderId());
    }
}
