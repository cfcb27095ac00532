package io.quorum.engine.desk;

import io.quorum.engine.agent.Agent;
import io.quorum.engine.agent.AgentContext;
import io.quorum.engine.agent.AgentRunner;
import io.quorum.engine.agent.DeskView;
import io.quorum.engine.agent.ExecutionAgent;
import io.quorum.engine.agent.FundamentalAgent;
import io.quorum.engine.agent.RiskAgent;
import io.quorum.engine.agent.SentimentAgent;
import io.quorum.engine.agent.TechnicalAgent;
import io.quorum.engine.consensus.ConsensusOrchestrator;
import io.quorum.engine.consensus.Opening;
import io.quorum.engine.consensus.VotingRules;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.IndicatorSignal;
import io.quorum.engine.market.signal.MarketEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionChange;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.session.TradingSession;
import io.quorum.engine.session.Transition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One trading session on the desk: the user's ticker, the session's state machine, the five
 * agents on their own threads, the vote orchestrator and the link to execution.
 *
 * <p>Analysis publishes each agent's reasoning, then Technical proposes the trade the chart
 * supports and the desk votes on it; the result is the proposal card the user approves or rejects.
 * While auto-trading, market signals start the desk's conversation and approved decisions go to
 * the {@link TradeExecutor}. Every user command is journaled with who gave it.
 */
public final class DeskSession implements AutoCloseable {
    private final Desk desk;
    private final TradingSession session;
    private final ConsensusOrchestrator orchestrator;
    private final Map<AgentRole, AgentRunner> runners = new EnumMap<>(AgentRole.class);
    private final List<MessageBus.Subscription> subscriptions = new ArrayList<>();
    private final SessionDeskView view;
    private volatile Proposal analysisProposal;
    private volatile Decision analysisDecision;
    private volatile boolean analysisExecuted;

    DeskSession(Desk desk, TradingSession session) {
        this.desk = desk;
        this.session = session;
        SessionId id = session.id();
        Ticker ticker = session.ticker();
        AutoTradingConfig config = session.config();
        this.view = new SessionDeskView(desk, session);
        this.orchestrator = new ConsensusOrchestrator(id, desk.bus(), desk.clock(), desk.ports().userClock(), VotingRules.of(config), this::acceptingProposals);
        session.addListener(this::journalStateChange);
        session.addListener(orchestrator::onSessionChange);
        session.addListener(this::announceStateChange);

        AgentContext context = new AgentContext(id, ticker, desk.bus(), desk.clock(), view);
        List<Agent> agents = List.of(new TechnicalAgent(context), new FundamentalAgent(context), new SentimentAgent(context),
                new RiskAgent(context), new ExecutionAgent(context));
        for (Agent agent : agents) {
            AgentRunner runner = new AgentRunner(agent, desk.agentWorkers(), desk::reportAgentFailure);
            runners.put(agent.role(), runner);
            subscriptions.add(desk.bus().subscribe(id, agent.role(), message -> runner.run(a -> a.onMessage(message))));
        }
        subscriptions.add(desk.bus().subscribe(id, AgentRole.ORCHESTRATOR, this::onOrchestratorMessage));
        subscriptions.add(desk.bus().observe(id, this::onAnyMessage));
    }

    public SessionId id() { return session.id(); }

    public Ticker ticker() { return session.ticker(); }

    public SessionState state() { return session.state(); }

    public boolean isAutoTradingEnabled() { return session.isAutoTradingEnabled(); }

    public boolean isTradingAllowed() { return session.isTradingAllowed(); }

    public Optional<StopReason> stopReason() { return session.stopReason(); }

    public AutoTradingConfig config() { return session.config(); }

    /** The proposal on the card (the analysis's result), with the desk's verdict on it. */
    public Optional<Proposal> proposal() { return session.proposal(); }

    public Optional<Decision> analysisDecision() { return Optional.ofNullable(analysisDecision); }

    public DeskView.Exposure exposure() { return view.exposure(session.ticker()); }

    public DeskView deskView() { return view; }

    public void addStateListener(Consumer<SessionChange> listener) { session.addListener(listener); }

    // ---- user commands -------------------------------------------------------------------------

    /** Starts the analysis of the session's ticker; the result arrives as a proposal. */
    synchronized Transition startAnalysis(String actor) {
        Transition transition = session.startAnalysis();
        if (transition instanceof Transition.Moved) {
            journalUser(actor, JournalEvent.UserAction.Action.START_SESSION, "analyse " + session.ticker());
            Thread.ofVirtual().name("analysis-" + session.ticker()).start(() -> analyze(null));
        }
        return transition;
    }

    /**
     * Approves the proposal on the card. When the desk's own vote approved it, the trade is placed
     * at once (the user's approval is the authority); otherwise the session only moves on to
     * auto-trading, waiting for the next signal.
     */
    public synchronized Transition approve(String actor) {
        Transition transition = session.approve();
        if (transition instanceof Transition.Moved) {
            journalUser(actor, JournalEvent.UserAction.Action.APPROVE_PROPOSAL, session.proposal().map(Proposal::text).orElse(""));
            Decision decision = analysisDecision;
            if (decision != null && decision.outcome().approves() && !analysisExecuted) {
                analysisExecuted = true;
                desk.executor().execute(this, decision.terms(), true, "approved by " + actor);
            }
        }
        return transition;
    }

    public synchronized Transition reject(String reason, String actor) {
        Transition transition = session.reject(reason);
        if (transition instanceof Transition.Moved) {
            journalUser(actor, JournalEvent.UserAction.Action.REJECT_PROPOSAL, reason);
            Thread.ofVirtual().name("reanalysis-" + session.ticker()).start(() -> analyze(reason));
        }
        return transition;
    }

    public synchronized Transition enableAutoTrading(String actor) {
        Transition transition = session.enableAutoTrading();
        if (transition instanceof Transition.Moved) journalUser(actor, JournalEvent.UserAction.Action.ENABLE_AUTO_TRADING, "");
        return transition;
    }

    /** Takes effect before the next message is handled: open votes are cancelled and no new order leaves. */
    public synchronized Transition disableAutoTrading(String actor) {
        Transition transition = session.disableAutoTrading();
        if (transition instanceof Transition.Moved) {
            journalUser(actor, JournalEvent.UserAction.Action.DISABLE_AUTO_TRADING, "");
            desk.executor().dropConfirmations(this, "auto-trading was switched off");
        }
        return transition;
    }

    public synchronized Transition stop(StopReason reason, String actor) {
        Transition transition = session.stop(reason);
        if (transition instanceof Transition.Moved) {
            journalUser(actor, JournalEvent.UserAction.Action.STOP_SESSION, reason.code());
            desk.executor().dropConfirmations(this, "the session stopped");
        }
        return transition;
    }

    public synchronized List<io.quorum.engine.session.FieldError> reconfigure(AutoTradingConfig config, String actor) {
        session.reconfigure(config);
        orchestrator.reconfigure(VotingRules.of(config));
        desk.journal(id(), new JournalEvent.ConfigChanged(ConfigFields.of(config)));
        journalUser(actor, JournalEvent.UserAction.Action.CHANGE_CONFIG, "");
        return List.of();
    }

    /** Closes every position of the session at market, whatever the switch says: flattening only ever reduces risk. */
    public void flatten(String actor) {
        journalUser(actor, JournalEvent.UserAction.Action.FLATTEN, "");
        desk.executor().flatten(this, "flattened by " + actor);
    }

    /** Changes a position's stop, target and trailing stop; null when applied, else why not, as a sentence. */
    public String editStops(Ticker ticker, io.quorum.engine.position.Protection protection, String actor) {
        String refusal = desk.protect(id(), ticker, protection);
        if (refusal == null) {
            journalUser(actor, JournalEvent.UserAction.Action.EDIT_STOPS, ticker + ": " + TradeExecutor.describe(protection));
            desk.position(id(), ticker).ifPresent(position -> desk.journal(id(), TradeExecutor.positionChanged(ticker, position)));
        }
        return refusal;
    }

    public int tradesToday() { return desk.executor().tradesToday(id()); }

    public void closePosition(Ticker ticker, String actor) {
        journalUser(actor, JournalEvent.UserAction.Action.CLOSE_POSITION, ticker.symbol());
        desk.executor().close(this, ticker, "closed by " + actor);
    }

    // ---- the conversation ----------------------------------------------------------------------

    /** Each agent in turn, so the reasoning reads in speaking order; then Technical's proposal goes to the vote. */
    private void analyze(String userConcern) {
        for (AgentRole role : AgentRole.VOTERS) {
            CompletableFuture<Void> spoken = new CompletableFuture<>();
            runners.get(role).run(agent -> {
                try {
                    for (String line : agent.analyze()) reason(agent.role(), line);
                } finally {
                    spoken.complete(null);
                }
            });
            spoken.join();
        }
        runners.get(AgentRole.TECHNICAL).run(agent -> {
            Proposal proposal = ((TechnicalAgent) agent).propose(userConcern);
            analysisProposal = proposal;
            analysisDecision = null;
            analysisExecuted = false;
            desk.bus().publish(AgentMessage.draft(id(), AgentRole.TECHNICAL, Recipients.all(), proposal, desk.clock().now()));
        });
    }

    private void reason(AgentRole role, String line) {
        desk.bus().publish(AgentMessage.draft(id(), role, Recipients.all(), Update.of(Update.UpdateKind.REASONING, ticker(), line), desk.clock().now()));
    }

    /** The orchestrator's mailbox: proposals open rounds, votes are counted. */
    private void onOrchestratorMessage(AgentMessage message) {
        switch (message.content()) {
            case Proposal proposal -> {
                if (orchestrator.open(message) instanceof Opening.Refused refused) {
                    say(AgentRole.ORCHESTRATOR, new Alert(Alert.AlertKind.SYSTEM, Alert.Severity.INFO, proposal.ticker(),
                            "Proposal not put to the vote: " + refused.detail()));
                }
            }
            case Vote vote -> orchestrator.record(message);
            default -> { }
        }
    }

    /** Every message of the session passes here once: decisions go to execution. */
    private void onAnyMessage(AgentMessage message) {
        if (!(message.content() instanceof Decision decision)) return;
        Proposal analysis = analysisProposal;
        if (analysis != null && analysis.id().equals(decision.proposalId())) {
            finishAnalysis(decision);
            return;
        }
        if (decision.outcome().approves()) desk.executor().execute(this, decision.terms(), false, "approved by the desk");
    }

    private synchronized void finishAnalysis(Decision decision) {
        analysisDecision = decision;
        Proposal terms = decision.terms();
        Transition done = session.state() == SessionState.RE_ANALYZING ? session.reanalysisComplete(terms) : session.analysisComplete(terms);
        if (done instanceof Transition.Refused refused) {
            desk.reportProblem(id(), "analysis finished in state " + refused.state() + ": " + refused.reason());
            return;
        }
        String verdict = decision.outcome().approves()
                ? "The desk recommends it (" + decision.outcome() + "). Approve to place the trade and hand the desk authority within your limits."
                : "The desk does not recommend it (" + decision.outcome() + "). Approving hands the desk authority without placing this trade.";
        say(AgentRole.ORCHESTRATOR, new Update(Update.UpdateKind.ANALYSIS_COMPLETE, ticker(), null, "Analysis complete: " + terms.text() + ". " + verdict));
    }

    /** A market event for this session's ticker: signals start a conversation while the desk may trade. */
    void onMarketEvent(MarketEvent event) {
        if (!session.isTradingAllowed()) return;
        switch (event) {
            case IndicatorSignal signal -> runners.get(AgentRole.TECHNICAL).run(agent -> ((TechnicalAgent) agent).onSignal(signal.kind().isBullish(), signal.text()));
            case MarketEvent.VolumeSpike spike -> { }
            case MarketEvent.NewsArrived news -> { }
            case MarketEvent.PriceUpdate price -> { }
        }
    }

    /**
     * Picks up where the journal left off: an analysis that was under way is done again, since its
     * proposal was never decided; the card of a session waiting for the user comes back with the
     * desk's verdict on it.
     */
    void resume(Decision lastAnalysisDecision, boolean analysisTraded) {
        analysisDecision = lastAnalysisDecision;
        analysisProposal = lastAnalysisDecision == null ? null : lastAnalysisDecision.terms();
        analysisExecuted = analysisTraded;
        if (session.state() == SessionState.ANALYZING || session.state() == SessionState.RE_ANALYZING) {
            Thread.ofVirtual().name("analysis-" + session.ticker()).start(() -> analyze(session.rejectionReason().orElse(null)));
        }
    }

    /** The bus guard for this session: a vote must be for a proposal the session has seen. */
    void checkVote(AgentMessage draft) { orchestrator.checkVote(draft); }

    /** Called by the desk's timer: decides rounds whose deadline has passed. */
    void onTimer() { orchestrator.expireDue(); }

    /** The daily loss limit was breached: stop, and flatten unless the user chose to keep positions. */
    synchronized void stopForMaxLoss(String detail) {
        if (session.state() == SessionState.STOPPED) return;
        say(AgentRole.RISK, new Alert(Alert.AlertKind.LIMIT_BREACH, Alert.Severity.CRITICAL, ticker(), "Daily loss limit hit: " + detail + ". Trading stopped."));
        session.stop(StopReason.MAX_LOSS_HIT);
        desk.executor().dropConfirmations(this, "the daily loss limit was hit");
        if (session.config().flattenOnMaxLoss()) desk.executor().flatten(this, "daily loss limit hit");
    }

    boolean acceptingProposals() {
        SessionState state = session.state();
        return state == SessionState.ANALYZING || state == SessionState.RE_ANALYZING || session.isTradingAllowed();
    }

    AgentMessage say(AgentRole role, Payload payload) {
        return desk.bus().publish(AgentMessage.draft(id(), role, Recipients.all(), payload, desk.clock().now()));
    }

    private void journalStateChange(SessionChange change) {
        desk.journal(id(), new JournalEvent.StateChanged(change.from().name(), change.to().name(),
                change.event().name() + (change.detail().isEmpty() ? "" : ": " + change.detail())));
    }

    private void announceStateChange(SessionChange change) {
        String what = change.describe();
        String text = switch (change.event()) {
            case STOP, ENABLE_AUTO_TRADING, DISABLE_AUTO_TRADING -> Character.toUpperCase(what.charAt(0)) + what.substring(1);
            default -> "Session " + what;
        };
        say(AgentRole.ORCHESTRATOR, new Update(Update.UpdateKind.STATUS, ticker(), null, text + "."));
    }

    private void journalUser(String actor, JournalEvent.UserAction.Action action, String detail) {
        desk.journal(id(), new JournalEvent.UserAction(actor, action, detail));
    }


    @Override public void close() {
        for (MessageBus.Subscription subscription : subscriptions) subscription.close();
        for (AgentRunner runner : runners.values()) runner.close();
    }
}
