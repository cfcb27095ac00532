package io.quorum.engine.backtest.report;

import io.quorum.engine.backtest.Trade;

/** trades.csv: one row a trade, prices as published and money in dollars, for a spreadsheet or another backtester. */
public final class TradesCsv {
    public static final String HEADER = "ticker,direction,shares,entry,entry_price,exit,exit_price,commission,pnl,exit_reason,bars_held";

    private TradesCsv() {}

    public static String write(BacktestReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Trade trade : report.run().trades()) {
            csv.append(trade.ticker().symbol()).append(',')
                    .append(trade.direction()).append(',')
                    .append(trade.shares()).append(',')
                    .append(report.time(trade.entryTime())).append(',')
                    .append(Figures.price(trade.entryMicros())).append(',')
                    .append(report.time(trade.exitTime())).append(',')
                    .append(Figures.price(trade.exitMicros())).append(',')
                    .append(Figures.money(trade.commissionMicros())).append(',')
                    .append(Figures.money(trade.pnlMicros())).append(',')
                    .append(trade.exit()).append(',')
                    .append(trade.barsHeld()).append('\n');
        }
        return csv.toString();
    }
}
