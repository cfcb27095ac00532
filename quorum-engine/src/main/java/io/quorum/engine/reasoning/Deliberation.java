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
 * <p>Before it votes, the model may ask one of {@code mayAsk} one question ({@link QuestionFirst});
 * once it has, it is asked again with the question and its answer ({@code asked}), and must vote.
 *
 * @param rulesVerdict the role's rule-based vote as it reads in the conversation, or null when the rules answer later
 * @param conversation the latest messages the role heard, oldest first, one line each ("Technical PROPOSAL: Buy 40 AAPL …")
 * @param mayAsk       the agents the model may ask a question of before it votes; empty: it votes now
 * @param asked        the question the model asked for this vote and the answer it had, or null when it asked none
 */
public record Deliberation(AgentRole role, SessionId session, Proposal proposal, List<String> facts, String rulesVerdict, List<String> conversation,
                           List<AgentRole> mayAsk, Exchange asked) {
    public Deliberation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(proposal, "proposal");
        facts = List.copyOf(facts);
        conversation = List.copyOf(conversation);
        mayAsk = List.copyOf(mayAsk);
        if (mayAsk.contains(role)) throw new IllegalArgumentException("mayAsk: a role does not ask itself");
        if (asked != null && !mayAsk.isEmpty()) throw new IllegalArgumentException("mayAsk: one question a vote, and this one has been asked");
    }

    /** A vote with no question to ask first. */
    public Deliberation(AgentRole role, SessionId session, Proposal proposal, List<String> facts, String rulesVerdict, List<String> conversation) {
        this(role, session, proposal, facts, rulesVerdict, conversation, List.of(), null);
    }

    /** The same vote with no question to ask first. */
    public Deliberation votingNow() { return new Deliberation(role, session, proposal, facts, rulesVerdict, conversation, List.of(), asked); }

    /** The same vote, asked again once the model's question has its answer (or none came), to be voted on now. */
    public Deliberation answered(Exchange exchange) {
        return new Deliberation(role, session, proposal, facts, rulesVerdict, conversation, List.of(), Objects.requireNonNull(exchange, "exchange"));
    }

    /**
     * The question a model asked before it voted, and what it heard back.
     *
     * @param answer the answer as it reads in the conversation, or null when none came in time
     */
    public record Exchange(AgentRole addressee, String question, String answer) {
        public Exchange {
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(question, "question");
        }
    }
}
