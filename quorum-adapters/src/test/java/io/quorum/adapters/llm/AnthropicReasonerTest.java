package io.quorum.adapters.llm;

/** The reasoner against a server speaking Anthropic's Messages API. */
class AnthropicReasonerTest extends LlmReasonerContract {
    @Override String fixtures() { return "anthropic"; }

    @Override LlmProvider provider() { return LlmProvider.ANTHROPIC; }
}
