package io.quorum.adapters.llm;

/**
 * A backtest replaying recorded answers met a prompt the answers file has none for: the role answers
 * by its rules. No provider failed, so the circuit breaker does not count it.
 */
public final class AnswerNotRecorded extends RuntimeException {
    /** Said in the conversation, which later prompts read: so it names no file, and the same run reads the same wherever its file is. */
    public AnswerNotRecorded() {
        super("no answer to this prompt is recorded in the answers file", null, false, false);
    }
}
