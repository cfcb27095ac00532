package io.quorum.adapters.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model's valid answers by the hash of the prompt that brought them ({@link Prompt#hash}): the
 * same question to the same model is answered from here, at no cost. Bounded, the least recently
 * used answer going first.
 */
public final class AnswerCache<A> {
    static final int ANSWERS_KEPT = 1_024;

    /** An answer kept, with the model's own text of it and the version it reported. */
    public record Kept<A>(A answer, String raw, String modelVersion) {}

    private final Map<String, Kept<A>> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Kept<A>> eldest) { return size() > ANSWERS_KEPT; }
    };

    public synchronized Optional<Kept<A>> find(String promptHash) { return Optional.ofNullable(answers.get(promptHash)); }

    public synchronized void keep(String promptHash, Kept<A> kept) { answers.put(promptHash, kept); }
}
