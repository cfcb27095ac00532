package io.quorum.engine.agent;

import io.quorum.engine.decision.DecisionReplay;
import io.quorum.engine.journal.JournalEvent.VoteSeen;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.time.ManualClock;
import java.util.function.Consumer;

/**
 * Asks a role's rules again how they vote on a proposal, on the desk its vote saw (a journaled
 * {@link VoteSeen}) and with what it remembered then: today's rules, so that a changed rule shows
 * as another vote. The agent is made afresh for the question, on a bus it may not speak on.
 */
public final class RulesAgain implements DecisionReplay.RulesReading {
    /** A replayed rule only judges: anything it says would be a new message, which a replay never publishes. */
    private static final MessageBus SILENT = new MessageBus() {
        @Override public AgentMessage publish(AgentMessage draft) { throw new IllegalStateException("a replayed rule does not speak: " + draft.type()); }

        @Override public Subscription subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
            throw new IllegalStateException("a replayed rule hears nothing");
        }

        @Override public Subscription observe(SessionId session, Consumer<AgentMessage> handler) { throw new IllegalStateException("a replayed rule hears nothing"); }

        @Override public void close() { }
    };

    @Override public DecisionReplay.Verdict vote(SessionId session, Proposal proposal, VoteSeen seen) {
        AgentContext context = new AgentContext(session, seen.seen().ticker(), SILENT, new ManualClock(seen.at()), new ReplayedDeskView(seen.seen()));
        try {
            Agent agent = switch (seen.role()) {
                case TECHNICAL -> new TechnicalAgent(context);
                case FUNDAMENTAL -> new FundamentalAgent(context);
                case SENTIMENT -> new SentimentAgent(context);
                case RISK -> new RiskAgent(context);
                case EXECUTION -> new ExecutionAgent(context);
                case ORCHESTRATOR -> throw new IllegalArgumentException("the orchestrator does not vote");
            };
            agent.recall(proposal, seen.memory());
            Agent.Judgement judgement = agent.judge(proposal);
            return DecisionReplay.Verdict.of(judgement.choice(), judgement.reason(), judgement.modification());
        } catch (ReplayedDeskView.NotSeen asksSomethingNew) {
            return DecisionReplay.Verdict.unanswerable("its rules now ask for " + asksSomethingNew.getMessage());
        }
    }
}
