package io.quorum.engine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quorum.engine.backtest.Backtest;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.backtest.fill.Costs;
import io.quorum.engine.backtest.fill.ProtectionPolicy;
import io.quorum.engine.backtest.metrics.PerformanceMetrics;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.RealDailyBars;
import io.quorum.engine.market.signal.RequiresMarketData;
import io.quorum.engine.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report of a backtest on Oracle's real bars: its figures recomputed here from the trades alone, and its files. */
@RequiresMarketData
class OracleReportTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final List<Bar> BARS = RealDailyBars.load("orcl-1995-2014.txt", ORCL);
    private static final BacktestConfig CONFIG = BacktestConfig.defaults()
            .withStrategy(StrategySpec.parse("ema-cross:12,26"))
            .withShares(500)
            .withCosts(new Costs(new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1")), 5))
            .withProtection(new ProtectionPolicy(new BigDecimal("8"), new BigDecimal("25"), new BigDecimal("12")));

    @Test
    void the_figures_are_those_recomputed_from_the_trade_list_and_the_closes() {
        BacktestRun run = new Backtest(CONFIG).run(BARS.iterator());
        PerformanceMetrics metrics = PerformanceMetrics.of(run);

        double[] equity = equityFromTrades(run.trades());
        double start = CONFIG.startingCash().micros() / 1e6;
        double[] returns = new double[equity.length];
        for (int i = 0; i < equity.length; i++) returns[i] = equity[i] / (i == 0 ? start : equity[i - 1]) - 1;
        double mean = mean(returns);
        double deviation = Math.sqrt(sumOfSquaredDistances(returns, mean) / (returns.length - 1));
        double downside = 0;
        for (double r : returns) downside += Math.min(r, 0) * Math.min(r, 0);
        downside = Math.sqrt(downside / returns.length);
        double years = ChronoUnit.DAYS.between(BARS.getFirst().start(), BARS.getLast().start()) / 365.25;

        assertThat(run.trades()).hasSizeGreaterThan(40);
        assertThat(run.trades()).extracting(Trade::exit).map(Enum::name).contains("SIGNAL", "STOP_LOSS", "TRAILING_STOP");
        assertThat(metrics.endingEquity().micros() / 1e6).isCloseTo(equity[equity.length - 1], within(1e-6));
        assertThat(metrics.totalReturn()).isCloseTo(equity[equity.length - 1] / start - 1, within(1e-12));
        assertThat(metrics.cagr()).isCloseTo(Math.pow(equity[equity.length - 1] / start, 1 / years) - 1, within(1e-9));
        assertThat(metrics.annualisedVolatility()).isCloseTo(deviation * Math.sqrt(252), within(1e-9));
        assertThat(metrics.sharpe()).isCloseTo(mean / deviation * Math.sqrt(252), within(1e-6));
        assertThat(metrics.sortino()).isCloseTo(mean / downside * Math.sqrt(252), within(1e-6));
        assertThat(metrics.maxDrawdown()).isCloseTo(maxDrawdown(start, equity), within(1e-12));
        assertThat(metrics.winRate()).isEqualTo((double) run.trades().stream().filter(t -> t.pnlMicros() > 0).count() / run.trades().size());
        double gains = run.trades().stream().filter(t -> t.pnlMicros() > 0).mapToDouble(t -> t.pnlMicros()).sum();
        double losses = -run.trades().stream().filter(t -> t.pnlMicros() <= 0).mapToDouble(t -> t.pnlMicros()).sum();
        assertThat(metrics.profitFactor()).isCloseTo(gains / losses, within(1e-12));
        assertThat(metrics.exposure()).isCloseTo((double) barsHeld(run.trades()) / BARS.size(), within(1e-12));
    }

    @Test
    void the_same_bars_config_and_seed_write_the_same_report_json_byte_for_byte() {
        byte[] first = ReportJson.write(BacktestReport.of(new Backtest(CONFIG.withSeed(7)).run(BARS.iterator()), "orcl-1995-2014.txt"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] second = ReportJson.write(BacktestReport.of(new Backtest(CONFIG.withSeed(7)).run(BARS.iterator()), "orcl-1995-2014.txt"))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(second).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).contains("\"strategy\":\"ema-cross:12,26\"", "\"seed\":7", "\"exitReason\":\"STOP_LOSS\"");
    }

    @Test
    void the_html_report_draws_its_charts_inline_and_fetches_nothing() {
        BacktestReport report = BacktestReport.of(new Backtest(CONFIG).run(BARS.iterator()), "orcl-1995-2014.txt");

        String html = ReportHtml.write(report);

        assertThat(html).contains("<svg", "aria-label=\"equity curve\"", "aria-label=\"drawdown\"", "aria-label=\"closes and trades\"", "<table>");
        assertThat(html).doesNotContain("src=", "<link", "url(", "<script", "@import");
        assertThat(html.split("<tr>", -1)).as("two rows of figures, the header and one row a trade").hasSize(report.run().trades().size() + 4);
        assertThat(TradesCsv.write(report).lines()).hasSize(report.run().trades().size() + 1).first().isEqualTo(TradesCsv.HEADER);
    }

    /**
     * The account at each close, from the trades alone: the starting cash, plus the P&L of the
     * trades closed by then, plus an open trade's shares marked at the close, less its entry commission.
     */
    private static double[] equityFromTrades(List<Trade> trades) {
        double[] equity = new double[BARS.size()];
        double start = CONFIG.startingCash().micros() / 1e6;
        for (int i = 0; i < BARS.size(); i++) {
            Bar bar = BARS.get(i);
            double value = start;
            for (Trade trade : trades) {
                boolean closedBy = !trade.exitTime().isAfter(bar.start()) && !(trade.exit().name().equals("END_OF_DATA") && i < BARS.size() - 1);
                boolean open = !trade.entryTime().isAfter(bar.start()) && !closedBy;
                if (closedBy) value += trade.pnlMicros() / 1e6;
                if (open) value += trade.shares() * (bar.closeMicros() - trade.entryMicros()) / 1e6 - entryCommission(trade) / 1e6;
            }
            equity[i] = value;
        }
        return equity;
    }

    private static long entryCommission(Trade trade) {
        return CONFIG.costs().commissionMicros(trade.shares(), trade.entryMicros());
    }

    private static long barsHeld(List<Trade> trades) {
        long held = 0;
        for (Bar bar : BARS) {
            for (Trade trade : trades) {
                boolean openAtClose = !trade.entryTime().isAfter(bar.start())
                        && (trade.exitTime().isAfter(bar.start()) || trade.exit().name().equals("END_OF_DATA"));
                if (openAtClose) held++;
            }
        }
        return held;
    }

    private static double maxDrawdown(double start, double[] equity) {
        double peak = start;
        double deepest = 0;
        for (double value : equity) {
            peak = Math.max(peak, value);
            deepest = Math.max(deepest, (peak - value) / peak);
        }
        return deepest;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) sum += value;
        return sum / values.length;
    }

    private static double sumOfSquaredDistances(double[] values, double mean) {
        double sum = 0;
        for (double value : values) sum += (value - mean) * (value - mean);
        return sum;
    }
}
