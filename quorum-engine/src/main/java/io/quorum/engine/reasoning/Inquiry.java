package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A question another agent asked a role, and everything the role sees while it answers: the facts
 * of its own analysis and of the desk, what its rules would answer, and the conversation so far.
 * Plain sentences, as in a {@link Deliberation}; the question's id is not among them, so that the
 * same question on the same facts reads as the same prompt.
 *
 * @param questionId the id of the question's message, which the answer replies to
 * @param rulesAnswer the role's rule-based answer as it would read in the conversation
 */
public record Inquiry(AgentRole role, SessionId session, UUID questionId, AgentRole asker, String question, List<String> facts,
                      String rulesAnswer, List<String> conversation) {
    public Inquiry {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(rulesAnswer, "rulesAnswer");
        facts = List.copyOf(facts);
        conversation = List.copyOf(conversation);
    }
}
