package io.quorum.adapters.llm;

/**
 * One provider's chat API, as the reasoner needs it: send a prompt, wait for the reply. It blocks,
 * so the reasoner calls it on a virtual thread of its own; a transport or HTTP failure is thrown,
 * and the reasoner turns it into a fallback.
 */
public interface ChatEndpoint {
    ModelReply ask(Prompt prompt, int maxAnswerTokens);
}
