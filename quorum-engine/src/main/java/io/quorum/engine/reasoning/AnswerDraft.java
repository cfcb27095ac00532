package io.quorum.engine.reasoning;

/**
 * Hears a model's answer while it is generated, each time with the whole text so far. Called on the
 * reasoner's thread, possibly many times a second: a listener keeps only the latest and does no I/O.
 */
@FunctionalInterface
public interface AnswerDraft {
    /** For a caller that does not show drafts. */
    AnswerDraft IGNORED = soFar -> { };

    void soFar(String text);
}
