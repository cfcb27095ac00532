package io.quorum.server.backtest;

import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.market.Ticker;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A backtest asked for over HTTP, its shape already checked: a CSV file named relative to the data
 * folder (checked against the folder when the run starts), its ticker, the days replayed (null: the
 * file's first or last), the run's configuration, whether the desk's agents vote, and where the
 * answers of those a language model speaks for come from (when the server's configuration has one).
 */
public record BacktestOrder(String file, Ticker ticker, LocalDate from, LocalDate to, BacktestConfig config, boolean deskVote, LlmAnswers llmAnswers) {
    public BacktestOrder {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(llmAnswers, "llmAnswers");
        if (from != null && to != null && to.isBefore(from)) throw new IllegalArgumentException("the last day " + to + " is before the first " + from);
    }

    public String mode() { return deskVote ? BacktestView.DESK : BacktestView.SINGLE_AGENT; }
}
