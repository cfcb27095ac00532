package io.quorum.server.backtest;

import io.quorum.adapters.llm.AnswersFile;
import io.quorum.adapters.llm.LlmReplayModel;
import io.quorum.adapters.llm.LlmSettings;
import io.quorum.adapters.llm.Reasoners;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The language model of a backtest's agents: the {@code llm} settings, as {@code quorum serve}
 * reads them, where the answers come from, and the answers file they are kept in.
 */
public record BacktestModel(LlmSettings settings, LlmAnswers answers, Path answersFile) {
    public BacktestModel {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(answersFile, "answersFile");
    }

    /** Why this backtest cannot run: recorded answers with no answers file to take them from; empty when it can. */
    public Optional<String> refusal() {
        if (answers != LlmAnswers.RECORDED || Files.isRegularFile(answersFile)) return Optional.empty();
        return Optional.of("recorded answers come from an answers file, and there is none at " + answersFile.toAbsolutePath()
                + ": record one with cached or live answers first");
    }

    /**
     * The live desk's reasoner over the answers file. Its day's budget runs on the wall clock, so
     * that the configured budget bounds what a backtest really spends in a day.
     *
     * @throws IllegalStateException when the provider needs a key that the environment lacks, or a line of the file is not an answer
     */
    LlmReplayModel open(Map<String, String> environment) {
        try {
            return Reasoners.forBacktest(settings, environment, SystemClock.INSTANCE, answers, AnswersFile.open(answersFile));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the agents' model cannot be asked: " + e.getMessage(), e);
        }
    }
}
