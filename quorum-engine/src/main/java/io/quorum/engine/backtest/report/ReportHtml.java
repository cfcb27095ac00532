package io.quorum.engine.backtest.report;

import io.quorum.engine.backtest.DecisionTally;
import io.quorum.engine.backtest.EquityPoint;
import io.quorum.engine.backtest.PricePoint;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.backtest.metrics.PerformanceMetrics;
import io.quorum.engine.message.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * report.html: one self-contained page, its charts drawn as inline SVG and its style inline, so it
 * opens offline and fetches nothing. The equity curve, its drawdown, the charted ticker's closes
 * with a marker at each entry (▲) and exit (▼), the headline figures and the table of trades.
 * A long curve is drawn from at most {@value #MAX_POINTS} evenly spaced points.
 */
public final class ReportHtml {
    private static final int MAX_POINTS = 1_500;
    private static final int WIDTH = 960;
    private static final int HEIGHT = 220;

    private ReportHtml() {}

    public static String write(BacktestReport report) {
        PerformanceMetrics m = report.metrics();
        List<EquityPoint> equity = report.run().equity();
        List<PricePoint> prices = report.run().chartedPrices();
        Instant first = prices.isEmpty() ? Instant.EPOCH : prices.getFirst().time();
        Instant last = prices.isEmpty() ? Instant.EPOCH : prices.getLast().time();
        Axis time = new Axis(first.toEpochMilli(), Math.max(last.toEpochMilli(), first.toEpochMilli() + 1));
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ")
                .append(escape(String.join(", ", report.run().tickers()))).append(" ").append(escape(report.run().config().strategy().toString()))
                .append("</title>\n<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}"
                        + "table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}"
                        + "th{background:#f4f4f4}td.l,th.l{text-align:left}.pos{color:#0a7d32}.neg{color:#b3261e}"
                        + "svg{background:#fafafa;border:1px solid #ddd;display:block;margin:8px 0 20px}</style></head><body>\n");
        html.append("<h1>Backtest of ").append(escape(String.join(", ", report.run().tickers()))).append(": ")
                .append(escape(report.run().config().strategy().toString())).append("</h1>\n<p>")
                .append(escape(report.mode())).append(" · ").append(report.run().bars()).append(" bars from ").append(escape(report.data())).append("</p>\n");
        figures(html, m);
        decisions(html, report);
        html.append("<h2>Equity</h2>\n");
        equityChart(html, equity, time);
        html.append("<h2>Drawdown</h2>\n");
        drawdownChart(html, report.run().config().startingCash().micros(), equity, time);
        html.append("<h2>").append(escape(report.run().tickers().isEmpty() ? "" : report.run().tickers().getFirst())).append(" with its trades</h2>\n");
        priceChart(html, prices, report.run().trades(), time, report.run().tickers().isEmpty() ? "" : report.run().tickers().getFirst());
        tradesTable(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void figures(StringBuilder html, PerformanceMetrics m) {
        html.append("<table><tr>");
        String[][] cells = {
                {"Net P&L", m.netPnl().toString()}, {"Total return", Figures.percent(m.totalReturn())}, {"CAGR", Figures.percent(m.cagr())},
                {"Volatility", Figures.percent(m.annualisedVolatility())}, {"Sharpe", Figures.twoPlaces(m.sharpe())}, {"Sortino", Figures.twoPlaces(m.sortino())},
                {"Max drawdown", Figures.percent(m.maxDrawdown())}, {"Drawdown days", Long.toString(m.maxDrawdownDuration().toDays())},
                {"Trades", Integer.toString(m.trades())}, {"Win rate", Figures.percent(m.winRate())}, {"Profit factor", Figures.twoPlaces(m.profitFactor())},
                {"Exposure", Figures.percent(m.exposure())}};
        for (String[] cell : cells) html.append("<th>").append(escape(cell[0])).append("</th>");
        html.append("</tr><tr>");
        for (String[] cell : cells) html.append("<td>").append(escape(cell[1])).append("</td>");
        html.append("</tr></table>\n");
    }

    /** The desk's rounds by outcome and what its vetoes saved or cost; nothing when the signals were executed directly. */
    private static void decisions(StringBuilder html, BacktestReport report) {
        DecisionTally tally = report.run().decisions();
        if (tally == DecisionTally.NONE) return;
        html.append("<h2>Decisions by outcome</h2>\n<p>Agents: ").append(escape(tally.agents())).append(" · ").append(tally.rounds())
                .append(" rounds · ").append(tally.refusedByRiskEngine()).append(" approved orders refused by the RiskEngine</p>\n<table><tr>");
        for (Outcome outcome : Outcome.values()) html.append("<th>").append(outcome.name()).append("</th>");
        html.append("</tr><tr>");
        for (Outcome outcome : Outcome.values()) html.append("<td>").append(tally.count(outcome)).append("</td>");
        long pnl = report.vetoedPnlMicros();
        html.append("</tr></table>\n<p>").append(tally.count(Outcome.VETOED)).append(" vetoes; the ").append(report.run().vetoedTrades().size())
                .append(" trades they prevented would have made ").append(Figures.money(pnl)).append(" had they been taken, so the vetoes ")
                .append(pnl <= 0 ? "saved " + Figures.money(-pnl) : "cost " + Figures.money(pnl)).append(".</p>\n");
        Headline.models(report).ifPresent(models -> html.append("<h3>Language model</h3>\n<p>Answers ").append(report.models().answers().configName())
                .append(": ").append(escape(report.models().answers().sentence())).append(".</p>\n<p>").append(escape(models)).append("</p>\n"));
    }

    private static void equityChart(StringBuilder html, List<EquityPoint> equity, Axis time) {
        Axis value = line(html, "equity curve", "#1f5fbf\" stroke-width=\"1.5", equity, point -> point.time().toEpochMilli(), EquityPoint::equityMicros, time);
        label(html, Figures.money((long) value.high()), 4, 14);
        label(html, Figures.money((long) value.low()), 4, HEIGHT - 4);
        html.append("</svg>\n");
    }

    private static void drawdownChart(StringBuilder html, long startMicros, List<EquityPoint> equity, Axis time) {
        double[] drawdowns = new double[equity.size()];
        double peak = startMicros;
        double deepest = 0;
        for (int i = 0; i < equity.size(); i++) {
            peak = Math.max(peak, equity.get(i).equityMicros());
            drawdowns[i] = (peak - equity.get(i).equityMicros()) / peak;
            deepest = Math.max(deepest, drawdowns[i]);
        }
        Axis depth = new Axis(0, Math.max(deepest, 1e-9));
        openSvg(html, "drawdown");
        html.append("<polygon fill=\"#f3c4c0\" stroke=\"#b3261e\" stroke-width=\"1\" points=\"");
        point(html, 0, 0);
        int step = stride(equity.size());
        for (int i = 0; i < equity.size(); i += step) point(html, time.across(equity.get(i).time().toEpochMilli()), depth.down(drawdowns[i]));
        point(html, WIDTH, 0);
        html.append("\"/>");
        label(html, "-" + Figures.percent(deepest), 4, HEIGHT - 4);
        html.append("</svg>\n");
    }

    private static void priceChart(StringBuilder html, List<PricePoint> prices, List<Trade> trades, Axis time, String ticker) {
        Axis value = line(html, "closes and trades", "#555\" stroke-width=\"1", prices, point -> point.time().toEpochMilli(), PricePoint::closeMicros, time);
        html.append('\n');
        for (Trade trade : trades) {
            if (!trade.ticker().symbol().equals(ticker)) continue;
            marker(html, time.across(trade.entryTime().toEpochMilli()), value.up(trade.entryMicros()), true);
            marker(html, time.across(trade.exitTime().toEpochMilli()), value.up(trade.exitMicros()), false);
        }
        label(html, Figures.price((long) value.high()), 4, 14);
        label(html, Figures.price((long) value.low()), 4, HEIGHT - 4);
        html.append("</svg>\n");
    }

    private static void tradesTable(StringBuilder html, BacktestReport report) {
        html.append("<h2>Trades</h2>\n<table><tr><th class=\"l\">Ticker</th><th class=\"l\">Side</th><th>Shares</th><th class=\"l\">Entry</th><th>Price</th>"
                + "<th class=\"l\">Exit</th><th>Price</th><th>Commission</th><th>P&amp;L</th><th class=\"l\">Why it ended</th><th>Bars</th></tr>\n");
        for (Trade trade : report.run().trades()) {
            html.append("<tr><td class=\"l\">").append(escape(trade.ticker().symbol())).append("</td><td class=\"l\">").append(trade.direction())
                    .append("</td><td>").append(trade.shares()).append("</td><td class=\"l\">").append(report.time(trade.entryTime()))
                    .append("</td><td>").append(Figures.price(trade.entryMicros())).append("</td><td class=\"l\">").append(report.time(trade.exitTime()))
                    .append("</td><td>").append(Figures.price(trade.exitMicros())).append("</td><td>").append(Figures.money(trade.commissionMicros()))
                    .append("</td><td class=\"").append(trade.pnlMicros() < 0 ? "neg" : "pos").append("\">").append(Figures.money(trade.pnlMicros()))
                    .append("</td><td class=\"l\">").append(escape(trade.exit().sentence())).append("</td><td>").append(trade.barsHeld()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * Opens a chart and draws the points as a line from their lowest value to their highest (from at
     * most {@value #MAX_POINTS} of them); returns the value axis, for the labels the caller adds.
     */
    private static <T> Axis line(StringBuilder html, String title, String stroke, List<T> points, ToLongFunction<T> millis, ToLongFunction<T> values, Axis time) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (T point : points) {
            low = Math.min(low, values.applyAsLong(point));
            high = Math.max(high, values.applyAsLong(point));
        }
        Axis value = new Axis(low, high);
        openSvg(html, title);
        html.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" points=\"");
        int step = stride(points.size());
        for (int i = 0; i < points.size(); i += step) point(html, time.across(millis.applyAsLong(points.get(i))), value.up(values.applyAsLong(points.get(i))));
        html.append("\"/>");
        return value;
    }

    private static void openSvg(StringBuilder html, String title) {
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(title).append("\">");
    }

    /** An entry's ▲ under its price, an exit's ▼ over it, kept inside the chart. */
    private static void marker(StringBuilder html, double x, double price, boolean entry) {
        double y = Math.clamp(price, 10, HEIGHT - 10);
        String shape = entry
                ? String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", x, y + 2, x - 4, y + 9, x + 4, y + 9)
                : String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", x, y - 2, x - 4, y - 9, x + 4, y - 9);
        html.append("<polygon fill=\"").append(entry ? "#0a7d32" : "#b3261e").append("\" points=\"").append(shape).append("\"/>");
    }

    private static void label(StringBuilder html, String text, int x, int y) {
        html.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\" fill=\"#666\">").append(escape(text)).append("</text>");
    }

    private static void point(StringBuilder html, double x, double y) {
        html.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static int stride(int points) { return Math.max(1, (points + MAX_POINTS - 1) / MAX_POINTS); }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Maps [low, high] onto the chart: across its width, up its height (higher is higher), or down it (a drawdown deepens downwards). */
    private record Axis(double low, double high) {
        double across(double value) { return span() == 0 ? 0 : (value - low) / span() * WIDTH; }

        double up(double value) { return span() == 0 ? HEIGHT / 2.0 : HEIGHT - 6 - (value - low) / span() * (HEIGHT - 22); }

        double down(double value) { return span() == 0 ? 0 : (value - low) / span() * (HEIGHT - 10); }

        private double span() { return high - low; }
    }
}
