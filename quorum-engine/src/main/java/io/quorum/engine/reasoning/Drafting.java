package io.quorum.engine.reasoning;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import java.util.List;
import java.util.Objects;

/**
 * A proposal a role is about to put to the desk, for a model to word: the rules' proposal (the
 * model's hint, and what the desk puts forward when the model has nothing it can take), what it
 * answers when it is a counter-proposal, the shares the session holds, the facts the role sees and
 * the conversation so far. Plain sentences, as in a {@link Deliberation}; the proposal's id is not
 * among them, so that the same terms on the same facts read as the same prompt.
 *
 * @param ruled     the rules' proposal; the model's keeps its id, ticker and trailing stop
 * @param answering the proposal this one counters, as it reads in the conversation ("Sentiment PROPOSAL: Reduce …"), or null
 * @param held      signed shares of the ticker the session holds: which actions fit
 */
public record Drafting(AgentRole role, SessionId session, Proposal ruled, String answering, long held, List<String> facts, List<String> conversation) {
    public Drafting {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ruled, "ruled");
        facts = List.copyOf(facts);
        conversation = List.copyOf(conversation);
    }

    public boolean isCounter() { return answering != null; }
}
