package io.quorum.server.backtest;

import io.quorum.engine.backtest.AnswersFileUse;
import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.backtest.report.Headline;
import io.quorum.engine.backtest.metrics.PerformanceMetrics;
import io.quorum.engine.message.Outcome;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One backtest as {@code GET /api/backtests} lists it and as its folder keeps it ({@value BacktestRuns#RUN_FILE}):
 * what was asked, its state, its progress while it runs and its headline figures once done.
 *
 * @param state    {@value #RUNNING}, {@value #DONE} or {@value #FAILED}
 * @param reason   why a failed run failed, in a sentence; null otherwise
 * @param progress the bars replayed so far; while the file is checked, none of none
 * @param figures  the report's headline figures; null until the run is done
 */
public record BacktestView(String id, String state, String reason, String file, String ticker, String strategy, String mode,
                           long size, String cash, LocalDate from, LocalDate to, Instant startedAt, Instant finishedAt,
                           Progress progress, Figures figures) {
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SINGLE_AGENT = "single-agent";
    public static final String DESK = "desk";

    /** Bars replayed of those in the window, at a rate measured since the replay began, and the seconds left at that rate (null before there is a rate). */
    public record Progress(long barsDone, long totalBars, double barsPerSecond, Long etaSeconds) {
        public static final Progress NONE = new Progress(0, 0, 0, null);
    }

    /**
     * The report's headline: ratios as fractions (0.0265 is 2.65%), null where a figure is not
     * defined (no returns to compute a Sharpe from); the decisions and vetoes of the desk's vote, null
     * in single-agent mode; what the agents asked of a language model, null when none did.
     */
    public record Figures(String netPnl, Double totalReturn, Double cagr, Double sharpe, Double maxDrawdown, int trades, Double winRate,
                          Integer decisions, Integer vetoes, ModelFigures llm) {
        static Figures of(BacktestReport report, boolean deskVote) {
            PerformanceMetrics m = report.metrics();
            return new Figures(m.netPnl().toString(), finite(m.totalReturn()), finite(m.cagr()), finite(m.sharpe()), finite(m.maxDrawdown()),
                    m.trades(), finite(m.winRate()),
                    deskVote ? report.run().decisions().rounds() : null, deskVote ? report.run().decisions().count(Outcome.VETOED) : null,
                    ModelFigures.of(report));
        }

        private static Double finite(double value) { return Double.isFinite(value) ? value : null; }
    }

    /**
     * What the agents asked of a language model: where the answers came from ({@code live},
     * {@code cached}, {@code recorded}), the calls and how many fell back, the dollars the answers
     * cost when they were made (a decimal string), what this run asked of the model for real, and
     * the headline's whole line.
     */
    public record ModelFigures(String answers, int calls, int fallbacks, String cost, Integer askedOfModel, String line) {
        static ModelFigures of(BacktestReport report) {
            ModelUse models = report.models();
            if (!models.used()) return null;
            return new ModelFigures(models.answers().configName(), models.calls(), models.fallbacks(), models.cost().toPlainString(),
                    report.answersFile().map(AnswersFileUse::askedOfModel).orElse(null), Headline.models(report).orElseThrow());
        }
    }

    static BacktestView running(String id, BacktestOrder order, Instant startedAt) {
        return new BacktestView(id, RUNNING, null, order.file(), order.ticker().symbol(), order.config().strategy().toString(), order.mode(),
                order.config().shares(), order.config().startingCash().toString(), order.from(), order.to(), startedAt, null, Progress.NONE, null);
    }

    BacktestView withProgress(Progress now) {
        return new BacktestView(id, state, reason, file, ticker, strategy, mode, size, cash, from, to, startedAt, finishedAt, now, figures);
    }

    BacktestView done(Instant at, Figures headline) {
        return new BacktestView(id, DONE, null, file, ticker, strategy, mode, size, cash, from, to, startedAt, at, progress, headline);
    }

    BacktestView failed(Instant at, String why) {
        return new BacktestView(id, FAILED, why, file, ticker, strategy, mode, size, cash, from, to, startedAt, at, progress, null);
    }
}
