package io.quorum.engine.backtest.report;

import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.DecisionTally;
import io.quorum.engine.backtest.EquityPoint;
import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.backtest.metrics.PerformanceMetrics;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.decision.JsonText;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** report.json: the config, the headline figures, the trades and the equity curve, in a fixed order with fixed number formats. */
public final class ReportJson {
    private ReportJson() {}

    public static String write(BacktestReport report) {
        BacktestConfig config = report.run().config();
        PerformanceMetrics m = report.metrics();
        JsonText json = new JsonText().beginObject();
        json.name("mode").value(report.mode());
        json.name("data").value(report.data());
        json.name("tickers").beginArray();
        for (String ticker : report.run().tickers()) json.value(ticker);
        json.endArray();
        json.name("bars").literal(report.run().bars());
        json.name("barInterval").value(report.run().barInterval().toString());
        json.name("config").beginObject()
                .name("strategy").value(config.strategy().toString())
                .name("shares").literal(config.shares())
                .name("startingCash").value(Figures.money(config.startingCash().micros()))
                .name("slippageBasisPoints").literal(config.costs().slippageBasisPoints())
                .name("commission").value(commission(config.costs().commission()))
                .name("stopLossPct").value(plain(config.protection().stopLossPct()))
                .name("takeProfitPct").value(plain(config.protection().takeProfitPct()))
                .name("trailingStopPct").value(plain(config.protection().trailingStopPct()))
                .name("seed").literal(config.seed())
                .endObject();
        json.name("metrics").beginObject()
                .name("startingEquity").value(m.startingEquity().toString())
                .name("endingEquity").value(m.endingEquity().toString())
                .name("netPnl").value(m.netPnl().toString());
        ratio(json, "totalReturn", m.totalReturn());
        ratio(json, "cagr", m.cagr());
        ratio(json, "annualisedVolatility", m.annualisedVolatility());
        ratio(json, "sharpe", m.sharpe());
        ratio(json, "sortino", m.sortino());
        ratio(json, "maxDrawdown", m.maxDrawdown());
        json.name("maxDrawdownBars").literal(m.maxDrawdownBars());
        json.name("maxDrawdownDays").literal(m.maxDrawdownDuration().toDays());
        json.name("trades").literal(m.trades());
        ratio(json, "winRate", m.winRate());
        ratio(json, "profitFactor", m.profitFactor());
        ratio(json, "exposure", m.exposure());
        ratio(json, "periodsPerYear", m.periodsPerYear());
        json.endObject();
        decisions(json, report);
        trades(json, "trades", report.run().trades(), report);
        json.name("equity").beginArray();
        for (EquityPoint point : report.run().equity()) {
            json.beginArray().value(report.time(point.time())).literal(Figures.money(point.equityMicros())).literal(point.invested()).endArray();
        }
        json.endArray();
        return json.endObject() + "\n";
    }

    /**
     * The desk's decision rounds by outcome (every outcome named, 0 when none), the approved orders
     * the RiskEngine refused, and the vetoes: the trades they prevented, followed by the same fill
     * rules, their P&L had they been taken, and what the vetoes saved (positive) or cost (negative).
     */
    private static void decisions(JsonText json, BacktestReport report) {
        DecisionTally tally = report.run().decisions();
        json.name("decisions").beginObject()
                .name("agents").value(tally.agents());
        if (tally.models().used()) models(json, tally.models());
        json.name("rounds").literal(tally.rounds())
                .name("byOutcome").beginObject();
        for (Outcome outcome : Outcome.values()) json.name(outcome.name()).literal(tally.count(outcome));
        json.endObject();
        json.name("refusedByRiskEngine").literal(tally.refusedByRiskEngine());
        json.name("vetoes").literal(tally.count(Outcome.VETOED));
        json.name("vetoedTradesPnl").literal(Figures.money(report.vetoedPnlMicros()));
        json.name("vetoesSaved").literal(Figures.money(Math.negateExact(report.vetoedPnlMicros())));
        trades(json, "vetoedTrades", report.run().vetoedTrades(), report);
        json.endObject();
    }

    /**
     * What the agents asked of a language model: where the answers came from, the agents it spoke
     * for, the calls by outcome (those not recorded apart), the cache hits, the tokens and dollars the
     * answers cost when they were made and the slowest answer. Only what the answers themselves
     * decide: how many were asked for real in this run is not here, so that a rerun from the answers
     * file writes the same file.
     */
    private static void models(JsonText json, ModelUse models) {
        json.name("llm").beginObject()
                .name("answers").value(models.answers().configName())
                .name("agents").beginArray();
        for (AgentRole role : models.agents()) json.value(role.name());
        json.endArray().name("models").beginArray();
        for (String model : models.models()) json.value(model);
        json.endArray()
                .name("calls").literal(models.calls())
                .name("answered").literal(models.count(ReasonerCalled.Outcome.ANSWERED))
                .name("cacheHits").literal(models.cacheHits())
                .name("fallbacks").literal(models.fallbacks())
                .name("byOutcome").beginObject();
        for (ReasonerCalled.Outcome outcome : ReasonerCalled.Outcome.values()) json.name(outcome.name()).literal(models.count(outcome));
        json.endObject()
                .name("notRecorded").literal(models.notRecorded())
                .name("unanswered").literal(models.unanswered())
                .name("tokensIn").literal(models.tokensIn())
                .name("tokensOut").literal(models.tokensOut())
                .name("cost").literal(models.cost().toPlainString())
                .name("slowestAnswerMillis").literal(models.slowest().toMillis())
                .endObject();
    }

    private static void trades(JsonText json, String name, List<Trade> trades, BacktestReport report) {
        json.name(name).beginArray();
        for (Trade trade : trades) {
            json.beginObject()
                    .name("ticker").value(trade.ticker().symbol())
                    .name("direction").value(trade.direction().name())
                    .name("shares").literal(trade.shares())
                    .name("entry").value(report.time(trade.entryTime()))
                    .name("entryPrice").literal(Figures.price(trade.entryMicros()))
                    .name("exit").value(report.time(trade.exitTime()))
                    .name("exitPrice").literal(Figures.price(trade.exitMicros()))
                    .name("commission").literal(Figures.money(trade.commissionMicros()))
                    .name("pnl").literal(Figures.money(trade.pnlMicros()))
                    .name("exitReason").value(trade.exit().name())
                    .name("barsHeld").literal(trade.barsHeld())
                    .endObject();
        }
        json.endArray();
    }

    /** The schedule as a trader writes it: "0.005 a share (minimum 1) + 1 an order + 10 bp". */
    static String commission(CommissionSchedule schedule) {
        return switch (schedule) {
            case CommissionSchedule.PerShare perShare -> plain(perShare.perShare().toBigDecimal()) + " a share (minimum " + plain(perShare.minimum().toBigDecimal()) + ")";
            case CommissionSchedule.PerOrder perOrder -> plain(perOrder.amount().toBigDecimal()) + " an order";
            case CommissionSchedule.BasisPoints basisPoints -> basisPoints.basisPoints() + " bp";
            case CommissionSchedule.Sum sum -> {
                List<String> parts = new ArrayList<>();
                for (CommissionSchedule part : sum.parts()) parts.add(commission(part));
                yield String.join(" + ", parts);
            }
        };
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void ratio(JsonText json, String name, double value) {
        String text = Figures.ratio(value);
        json.name(name).literal(text == null ? "null" : text);
    }
}
