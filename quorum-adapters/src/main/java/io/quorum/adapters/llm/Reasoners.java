package io.quorum.adapters.llm;

import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.port.Clock;
import io.quorum.engine.reasoning.Reasoner;
import java.util.Map;

/** Builds the desk's reasoner from the {@code llm} settings and the environment, which alone holds the key. */
public final class Reasoners {
    /** The variable a configuration check points to for a key found in the file ({@code llm.apiKey}). */
    public static final String KEY_VARIABLE = "QUORUM_LLM_API_KEY";

    private Reasoners() {}

    /**
     * The rules alone with no provider; otherwise a {@link LlmReasoner} on LangChain4j. The key is
     * {@value #KEY_VARIABLE} when set, else the provider's own variable ({@code OPENAI_API_KEY},
     * {@code ANTHROPIC_API_KEY}). Anthropic needs one; an OpenAI-compatible server is asked without
     * one when none is set, as a local Ollama or llama.cpp server expects.
     *
     * @throws IllegalArgumentException when the provider needs a key and the environment has none (the key itself is never shown)
     */
    public static Reasoner fromConfig(LlmSettings settings, Map<String, String> environment, Clock clock) {
        if (settings.provider() == LlmProvider.NONE) return Reasoner.RULES_ONLY;
        return new LlmReasoner(settings, endpoint(settings, environment), clock);
    }

    /**
     * The same reasoner for a backtest, its answers from {@code answersFile} as {@code answers} says
     * ({@link LlmReplayModel}); recorded answers never ask the model, so they need no key.
     *
     * @throws IllegalArgumentException when there is no provider, or it needs a key and the environment has none
     */
    public static LlmReplayModel forBacktest(LlmSettings settings, Map<String, String> environment, Clock clock, LlmAnswers answers, AnswersFile answersFile) {
        if (settings.provider() == LlmProvider.NONE) throw new IllegalArgumentException("llm.provider is none: the agents ask no model");
        ChatEndpoint model = answers == LlmAnswers.RECORDED
                ? (prompt, maxAnswerTokens, draft) -> { throw new AnswerNotRecorded(); }
                : endpoint(settings, environment);
        return new LlmReplayModel(settings, model, clock, answers, answersFile);
    }

    private static ChatEndpoint endpoint(LlmSettings settings, Map<String, String> environment) {
        String key = present(environment.get(KEY_VARIABLE)) ? environment.get(KEY_VARIABLE) : environment.get(settings.provider().keyVariable());
        if (!present(key)) key = null;
        if (key == null && settings.provider() == LlmProvider.ANTHROPIC) {
            throw new IllegalArgumentException("llm.provider is anthropic, and " + settings.provider().keyVariable() + " (or " + KEY_VARIABLE + ") is not set in the environment");
        }
        return new LangChainEndpoint(settings.provider(), settings.baseUrl(), key, settings.timeout());
    }

    private static boolean present(String value) { return value != null && !value.isBlank(); }
}
