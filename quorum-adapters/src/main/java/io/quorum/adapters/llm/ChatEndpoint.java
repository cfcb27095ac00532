package io.quorum.adapters.llm;

import io.quorum.engine.reasoning.AnswerDraft;

/**
 * One provider's chat API, as the reasoner needs it: send a prompt, hear the answer as it is
 * generated, wait for the whole reply. It blocks, so the reasoner calls it on a virtual thread of
 * its own; a transport or HTTP failure is thrown, and the reasoner turns it into a fallback.
 */
public interface ChatEndpoint {
    /** The model's reply to {@code prompt}; {@code draft} hears the text so far each time more of it arrives. */
    ModelReply ask(Prompt prompt, int maxAnswerTokens, AnswerDraft draft);
}
