package io.quorum.adapters.llm;

import java.util.Objects;

/**
 * What the model sent back: its text (null or blank when it refused), the tokens it counted both
 * ways, and the model's own name for itself, often more exact than the configured one
 * ({@code gpt-4o-mini-2024-07-18} for {@code gpt-4o-mini}).
 */
public record ModelReply(String text, long tokensIn, long tokensOut, String modelVersion, boolean refused) {
    public ModelReply {
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (tokensIn < 0 || tokensOut < 0) throw new IllegalArgumentException("tokens: must not be negative");
    }
}
