package io.quorum.adapters.llm;

import io.quorum.engine.port.Clock;
import io.quorum.engine.reasoning.Reasoner;
import java.util.Map;

/** Builds the desk's reasoner from the {@code llm} settings and the environment, which alone holds the key. */
public final class Reasoners {
    private Reasoners() {}

    /**
     * The rules alone with no provider; otherwise a {@link LlmReasoner} on LangChain4j. Anthropic
     * needs its key; an OpenAI-compatible server is asked without one when none is set, as a local
     * Ollama or llama.cpp server expects.
     *
     * @throws IllegalArgumentException when the provider needs a key and the environment has none (the key itself is never shown)
     */
    public static Reasoner fromConfig(LlmSettings settings, Map<String, String> environment, Clock clock) {
        if (settings.provider() == LlmProvider.NONE) return Reasoner.RULES_ONLY;
        String key = environment.get(settings.provider().keyVariable());
        if (key != null && key.isBlank()) key = null;
        if (key == null && settings.provider() == LlmProvider.ANTHROPIC) {
            throw new IllegalArgumentException("llm.provider is anthropic, and " + settings.provider().keyVariable() + " is not set in the environment");
        }
        return new LlmReasoner(settings, new LangChainEndpoint(settings.provider(), settings.baseUrl(), key, settings.timeout()), clock);
    }
}
