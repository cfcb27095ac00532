package io.quorum.engine.backtest.report;

import io.quorum.engine.backtest.AnswersFileUse;
import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.backtest.metrics.PerformanceMetrics;
import io.quorum.engine.market.ExchangeCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A backtest's run with its figures, and how it was made: the data it replayed and how its
 * decisions were taken ({@code mode}: the strategy's signals alone, or the desk's vote, and where
 * the language models' answers came from). Everything in it but {@code answersFile} comes from the
 * inputs, so the same inputs write the same report.json, byte for byte; what this run took from its
 * answers file and asked of the model for real is shown beside it, in the HTML and the headline.
 */
public record BacktestReport(BacktestRun run, PerformanceMetrics metrics, String data, Optional<AnswersFileUse> answersFile) {
    public BacktestReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(answersFile, "answersFile");
    }

    public static BacktestReport of(BacktestRun run, String data) {
        return new BacktestReport(run, PerformanceMetrics.of(run), data, Optional.empty());
    }

    /** The same report, with what this run did with its answers file. */
    public BacktestReport withAnswersFile(AnswersFileUse use) { return new BacktestReport(run, metrics, data, Optional.of(use)); }

    /** What the desk's agents asked of a language model; {@link ModelUse#NONE} when none spoke. */
    public ModelUse models() { return run.decisions().models(); }

    public String mode() { return run.mode(); }

    /** What the vetoed trades would have made, had they been taken: negative when the vetoes saved money. */
    public long vetoedPnlMicros() {
        long sum = 0;
        for (Trade trade : run.vetoedTrades()) sum = Math.addExact(sum, trade.pnlMicros());
        return sum;
    }

    /** A time as the report shows it: the exchange's trading day for daily or longer bars, the instant otherwise. */
    String time(Instant instant) {
        return run.barInterval().compareTo(Duration.ofDays(1)) >= 0 ? ExchangeCalendar.NYSE.tradingDate(instant).toString() : instant.toString();
    }
}
