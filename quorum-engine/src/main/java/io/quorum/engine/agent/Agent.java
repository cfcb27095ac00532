package io.quorum.engine.agent;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.Modification;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.market.Ticker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One member of the desk. An agent reads the desk through its {@link DeskView}, reacts to the
 * messages addressed to it, and speaks only by publishing on the bus. It is driven by one thread
 * at a time (its {@link AgentRunner}), so its private state needs no locks.
 *
 * <p>Every agent votes on every proposal it did not make, when the orchestrator asks for votes
 * (a proposal the orchestrator refuses to put to the vote gets none). {@link #judge} is that vote,
 * a pure function of the proposal and what the agent sees, so that it can be tested as a table.
 */
public abstract class Agent {
    private final AgentRole role;
    protected final SessionId session;
    protected final Ticker ticker;
    protected final DeskView desk;
    private final MessageBus bus;
    private final Clock clock;
    /** Proposals seen, by message id, until the orchestrator asks for a vote on them; bounded so refused ones do not pile up. */
    private final Map<UUID, Proposal> awaitingVoteRequest = new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<UUID, Proposal> eldest) { return size() > 64; }
    };

    protected Agent(AgentRole role, AgentContext context) {
        this.role = role;
        this.session = context.session();
        this.ticker = context.ticker();
        this.desk = context.desk();
        this.bus = context.bus();
        this.clock = context.clock();
    }

    public final AgentRole role() { return role; }

    /** The agent's steps of analysis, each a sentence published as REASONING while it works. */
    public abstract List<String> analyze();

    /** The agent's vote on a proposal made by another agent. */
    public abstract Judgement judge(Proposal proposal);

    /** Reacts to a message addressed to this agent. The proposal flow's votes are handled here. */
    public final void onMessage(AgentMessage message) {
        switch (message.content()) {
            case Proposal proposal -> {
                if (message.sender() != role) awaitingVoteRequest.put(message.id(), proposal);
            }
            case Alert alert -> onAlert(message, alert);
            case Question question -> onQuestion(message, question);
            case Update update -> {
                Proposal asked = message.sender() == AgentRole.ORCHESTRATOR && message.replyTo() != null ? awaitingVoteRequest.remove(message.replyTo()) : null;
                if (asked != null) castVote(message, asked);
                else onUpdate(message, update);
            }
            case Decision decision -> onDecision(message, decision);
            case Vote vote -> { }
        }
    }

    protected void onAlert(AgentMessage message, Alert alert) { }

    protected void onQuestion(AgentMessage message, Question question) { }

    protected void onUpdate(AgentMessage message, Update update) { }

    protected void onDecision(AgentMessage message, Decision decision) { }

    private void castVote(AgentMessage request, Proposal proposal) {
        Judgement judgement = judge(proposal);
        Vote vote = new Vote(proposal.id(), judgement.choice(), judgement.reason(), judgement.modification(), judgement.text());
        publish(AgentMessage.draft(session, role, Recipients.of(AgentRole.ORCHESTRATOR), vote, clock.now()).inReplyTo(request.id()));
    }

    protected final AgentMessage say(Recipients to, Payload payload) {
        return publish(AgentMessage.draft(session, role, to, payload, clock.now()));
    }

    protected final AgentMessage publish(AgentMessage draft) { return bus.publish(draft); }

    protected final Clock clock() { return clock; }

    /** What an agent makes of a proposal: its vote, the reason, and for Risk possibly new terms. */
    public record Judgement(VoteChoice choice, String reason, Modification modification) {
        public static Judgement approve(String reason) { return new Judgement(VoteChoice.APPROVE, reason, null); }

        public static Judgement reject(String reason) { return new Judgement(VoteChoice.REJECT, reason, null); }

        public static Judgement abstain(String reason) { return new Judgement(VoteChoice.ABSTAIN, reason, null); }

        public static Judgement veto(String reason) { return new Judgement(VoteChoice.VETO, reason, null); }

        public static Judgement approveWith(Modification modification, String reason) {
            return new Judgement(VoteChoice.APPROVE, reason, modification);
        }

        /** "APPROVE — P/E still reasonable" as it reads in the conversation. */
        public String text() {
            String head = modification == null ? choice.name() : choice.name() + " with modification";
            return head + " — " + reason;
        }
    }
}
