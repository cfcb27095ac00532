package io.quorum.engine.backtest.report;

import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.backtest.metrics.PerformanceMetrics;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A backtest in one line, as the command prints it and a list of past runs shows it. */
public final class Headline {
    private Headline() {}

    /** {@code sma-cross:10,30 on ORCL: 5036 bars, 98 trades; net P&L 2646.07 (2.65%), CAGR 0.13%, Sharpe 0.22, max drawdown 2.30%, win rate 40.82%}. */
    public static String of(BacktestReport report) {
        PerformanceMetrics m = report.metrics();
        return report.run().config().strategy() + " on " + String.join(",", report.run().tickers()) + ": " + report.run().bars() + " bars, "
                + m.trades() + " trades; net P&L " + m.netPnl() + " (" + Figures.percent(m.totalReturn()) + "), CAGR " + Figures.percent(m.cagr())
                + ", Sharpe " + Figures.twoPlaces(m.sharpe()) + ", max drawdown " + Figures.percent(m.maxDrawdown()) + ", win rate " + Figures.percent(m.winRate());
    }

    /**
     * The language model's part, when an agent asked one: {@code Language model (cached): Risk;
     * 40 calls, 37 answered, 3 fell back (2 timed out, 1 not recorded), 2 cache hits; 12345 tokens,
     * $0.012345; slowest answer 1.2s}, and what this run did with its answers file.
     */
    public static Optional<String> models(BacktestReport report) {
        ModelUse models = report.models();
        if (!models.used()) return Optional.empty();
        String line = "Language model (" + models.answers().configName() + "): " + models.agentNames() + " (" + String.join(", ", models.models()) + "); "
                + models.calls() + " calls, " + models.count(Outcome.ANSWERED) + " answered, " + models.fallbacks() + " fell back" + fallbacks(models)
                + ", " + models.cacheHits() + " cache hits; " + models.tokens() + " tokens, $" + models.cost().toPlainString() + "; slowest answer "
                + models.slowest().toMillis() + " ms";
        return Optional.of(report.answersFile().map(file -> line + "; this run: " + file.sentence()).orElse(line));
    }

    /** " (2 timed out, 1 not recorded)": the fallbacks by why, the not recorded apart from the other unavailable calls. */
    private static String fallbacks(ModelUse models) {
        List<String> why = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            int count = models.count(outcome) - (outcome == Outcome.UNAVAILABLE ? models.notRecorded() : 0);
            if (outcome.isFallback() && count > 0) why.add(count + " " + outcome.name().toLowerCase().replace('_', ' '));
        }
        if (models.notRecorded() > 0) why.add(models.notRecorded() + " not recorded");
        if (models.unanswered() > 0) why.add(models.unanswered() + " never answered");
        return why.isEmpty() ? "" : " (" + String.join(", ", why) + ")";
    }
}
