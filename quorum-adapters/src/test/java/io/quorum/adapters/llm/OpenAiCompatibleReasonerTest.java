package io.quorum.adapters.llm;

/** The reasoner against a server speaking OpenAI's chat completions (as Ollama's /v1, vLLM, llama.cpp and LM Studio do). */
class OpenAiCompatibleReasonerTest extends LlmReasonerContract {
    @Override String fixtures() { return "openai"; }

    @Override LlmProvider provider() { return LlmProvider.OPENAI_COMPATIBLE; }
}
