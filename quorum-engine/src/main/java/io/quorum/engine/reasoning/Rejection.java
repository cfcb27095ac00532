package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import java.util.List;
import java.util.Objects;

/**
 * The user's reason for rejecting the proposal on the card, in words that name none of the
 * concerns a revision answers, for a model to read: which of {@code concerns} the user means.
 * With the card, the facts the role sees and the conversation so far; plain sentences, as in a
 * {@link Deliberation}, and no ids, so that the same reason about the same card reads as the same prompt.
 *
 * @param concerns the concerns a revision can answer, as a user would write them ("stop too wide")
 */
public record Rejection(AgentRole role, SessionId session, Proposal card, String reason, List<String> concerns, List<String> facts, List<String> conversation) {
    public Rejection {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(card, "card");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: must not be blank");
        concerns = List.copyOf(concerns);
        if (concerns.isEmpty()) throw new IllegalArgumentException("concerns: at least one");
        facts = List.copyOf(facts);
        conversation = List.copyOf(conversation);
    }
}
