package io.quorum.adapters.llm;

/** Who answers for the agents: any OpenAI-compatible chat-completions server, Anthropic's Messages API, or nobody (the rules vote). */
public enum LlmProvider {
    /** OpenAI, or Ollama's {@code /v1}, vLLM, the llama.cpp server, LM Studio: whatever speaks {@code POST /chat/completions}. */
    OPENAI_COMPATIBLE("openai-compatible", "OPENAI_API_KEY"),
    ANTHROPIC("anthropic", "ANTHROPIC_API_KEY"),
    NONE("none", null);

    private final String configName;
    private final String keyVariable;

    LlmProvider(String configName, String keyVariable) {
        this.configName = configName;
        this.keyVariable = keyVariable;
    }

    /** As written in {@code quorum.yml}. */
    public String configName() { return configName; }

    /** The environment variable the key is read from; null for no provider. A local server needs none. */
    public String keyVariable() { return keyVariable; }
}
