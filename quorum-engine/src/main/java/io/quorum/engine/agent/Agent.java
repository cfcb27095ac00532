package io.quorum.engine.agent;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One member of the desk. An agent reads the desk through its {@link DeskView}, reacts to the
 * messages addressed to it, and speaks only by publishing on the bus. It is driven by one thread
 * at a time (its {@link AgentRunner}), so its private state needs no locks.
 *
 * <p>Every agent votes on every proposal it did not make, when the orchestrator asks it with a
 * {@link VoteRequest} (a proposal the orchestrator refuses to put to the vote gets none). It answers
 * when it is ready ({@link #deliberate}); {@link #judge} is the rule-based vote, a pure function of
 * the proposal and what the agent sees, so that it can be tested as a table.
 */
public abstract class Agent {
    private static final System.Logger LOG = System.getLogger("io.quorum.engine.agent");

    private final AgentRole role;
    protected final SessionId session;
    protected final Ticker ticker;
    protected final DeskView desk;
    private final MessageBus bus;
    private final Clock clock;
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

    /**
     * The agent's vote on a proposal, when it is ready. The default judges at once; an agent whose
     * reasoning is slow (an LLM) returns a stage that completes later, and its runner goes on with
     * other work meanwhile. There is no deadline here: the orchestrator alone enforces it, and a vote
     * that comes too late is simply not counted.
     */
    protected CompletionStage<Judgement> deliberate(Proposal proposal) {
        return CompletableFuture.completedFuture(judge(proposal));
    }

    /** Reacts to a message addressed to this agent. A {@link VoteRequest} that asks this agent is answered with a vote. */
    public final void onMessage(AgentMessage message) {
        switch (message.content()) {
            case VoteRequest request -> {
                if (request.asks(role)) castVote(message, request);
            }
            case Alert alert -> onAlert(message, alert);
            case Question question -> onQuestion(message, question);
            case Update update -> onUpdate(message, update);
            case Decision decision -> onDecision(message, decision);
            case Proposal proposal -> onProposal(message, proposal);
            case Vote vote -> { }
        }
    }

    protected void onAlert(AgentMessage message, Alert alert) { }

    protected void onQuestion(AgentMessage message, Question question) { }

    protected void onUpdate(AgentMessage message, Update update) { }

    protected void onDecision(AgentMessage message, Decision decision) { }

    /** Another agent's proposal (or the agent's own) as it goes to the vote; an agent may answer it with a counter-proposal. */
    protected void onProposal(AgentMessage message, Proposal proposal) { }

    /**
     * Votes as soon as the deliberation is done: on this thread when it is done at once, so that a
     * failure (of the rules, or to publish) reaches the runner as today; otherwise on the thread that
     * completes it. A deliberation that completes with a failure is an ABSTAIN that says why.
     */
    private void castVote(AgentMessage requestMessage, VoteRequest request) {
        CompletableFuture<Judgement> deliberation = deliberate(request.terms()).toCompletableFuture();
        if (deliberation.isDone()) {
            vote(requestMessage, request, outcomeOf(deliberation));
            return;
        }
        deliberation.whenComplete((judgement, failure) -> {
            try {
                vote(requestMessage, request, failure == null ? judgement : unableToJudge(failure));
            } catch (RuntimeException refused) {
                LOG.log(Level.WARNING, role.displayName() + " could not vote on proposal " + request.proposalId(), refused);
            }
        });
    }

    private static Judgement outcomeOf(CompletableFuture<Judgement> done) {
        try {
            return done.join();
        } catch (CompletionException | CancellationException failure) {
            return unableToJudge(failure);
        }
    }

    private static Judgement unableToJudge(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return Judgement.abstain("could not judge the proposal: " + cause.getMessage());
    }

    private void vote(AgentMessage requestMessage, VoteRequest request, Judgement judgement) {
        Vote vote = new Vote(request.proposalId(), judgement.choice(), judgement.reason(), judgement.modification(), judgement.text());
        publish(AgentMessage.draft(session, role, Recipients.of(AgentRole.ORCHESTRATOR), vote, clock.now()).inReplyTo(requestMessage.id()));
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
