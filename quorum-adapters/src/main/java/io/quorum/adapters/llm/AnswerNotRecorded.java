package io.quorum.adapters.llm;

/**
 * A backtest replaying recorded answers met a prompt the answers file has none for: the role answers
 * by its rules. No provider failed, so the circuit breaker does not count it.
 */
public final class AnswerNotRecorded extends RuntimeException {
    public AnswerNotRecorded(String file) {
        super("no answer to this prompt is recorded in " + file, null, false, false);
    }
}
