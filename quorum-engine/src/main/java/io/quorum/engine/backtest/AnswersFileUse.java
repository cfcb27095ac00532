package io.quorum.engine.backtest;

import java.util.Objects;

/**
 * What one run did with its answers file: how many answers it took from the file, how many questions
 * it asked of the model for real, and how many new answers it added. Unlike {@link ModelUse} this
 * depends on what the file held before the run, so report.json leaves it out: a second run of a
 * cached backtest takes everything from the file and writes the same report.json as the first.
 */
public record AnswersFileUse(String file, int fromFile, int askedOfModel, int added) {
    public AnswersFileUse {
        Objects.requireNonNull(file, "file");
        if (fromFile < 0 || askedOfModel < 0 || added < 0) throw new IllegalArgumentException("counts: must not be negative");
    }

    /** "12 answers from llm-answers.jsonl, 0 questions asked of the model, 0 answers added". */
    public String sentence() {
        return fromFile + " answers from " + file + ", " + askedOfModel + " questions asked of the model, " + added + " answers added";
    }
}
