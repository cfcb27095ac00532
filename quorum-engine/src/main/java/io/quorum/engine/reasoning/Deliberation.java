package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import java.util.List;
import java.util.Objects;

/**
 * What a role is asked to vote on, and everything it sees while it decides: the facts of its own
 * analysis and of the desk (exposure, limits, headlines), what its rules would answer (when they
 * have answered already), and the conversation so far. Plain sentences, because they go into a
 * prompt as they are; the proposal's id is not among them, so that the same terms on the same
 * facts read as the same prompt.
 *
 * @param rulesVerdict the role's rule-based vote as it reads in the conversation, or null when the rules answer later
 * @param conversation the latest messages the role heard, oldest first, one line each ("Technical PROPOSAL: Buy 40 AAPL …")
 */
public record Deliberation(AgentRole role, SessionId session, Proposal proposal, List<String> facts, String rulesVerdict, List<String> conversation) {
    public Deliberation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(proposal, "proposal");
        facts = List.copyOf(facts);
        conversation = List.copyOf(conversation);
    }
}
