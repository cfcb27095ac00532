package io.quorum.engine.desk;

import io.quorum.engine.agent.AgentActivity;
import io.quorum.engine.agent.AgentContext;
import io.quorum.engine.agent.DeskView;
import io.quorum.engine.agent.TechnicalAgent;
import io.quorum.engine.agent.UserConcern;
import io.quorum.engine.consensus.ConsensusOrchestrator;
import io.quorum.engine.consensus.Opening;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.MarketEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.port.DecisionFence.Admission;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.session.ConfigFields;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.FieldError;
import io.quorum.engine.session.SessionChange;
import io.quorum.engine.session.SessionEvent;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.session.TradingSession;
import io.quorum.engine.session.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One trading session on the desk: the user's ticker, the session's state machine, the five
 * agents on their own threads, the vote orchestrator and the link to execution.
 *
 * <p>A session watches and trades a watchlist: its own ticker, and the tickers the user adds while
 * it runs. Each ticker has its five agents ({@link TickerLane}); the session's one orchestrator
 * votes on every ticker's proposals, one round per ticker at a time, and the session's limits,
 * authority and kill switch cover them all. The analysis and its card are the own ticker's.
 *
 * <p>Analysis publishes each agent's reasoning, then Technical proposes the trade the chart
 * supports and the desk votes on it; the result is the proposal card the user approves or rejects.
 * While auto-trading, market signals start the desk's conversation and approved decisions go to
 * the {@link ExecutionEngine}. Every user command is journaled with who gave it.
 */
public final class DeskSession implements AutoCloseable {
    private final Desk desk;
    private final TradingSession session;
    private final ConsensusOrchestrator orchestrator;
    /** The agents of the session's own ticker, who also analyse it and make its card. */
    private final TickerLane own;
    /** Every ticker's agents, by ticker: added and removed on the loop, read by the bus's delivery threads. */
    private final Map<Ticker, TickerLane> lanes = new ConcurrentHashMap<>();
    /** The tickers watched, the own ticker first, in the order they were added; replaced whole on the loop. */
    private volatile List<Ticker> watchlist;
    /** At most this many tickers on a watchlist: each has five agents, and the account's risk reads every one. */
    public static final int MOST_WATCHED = 20;
    private final List<MessageBus.Subscription> subscriptions = new ArrayList<>();
    private final SessionDeskView view;
    /** Longer than any model call may take (at most 25 s): a reading that never comes is a session that closed. */
    private static final Duration READING_PATIENCE = Duration.ofSeconds(60);
    /** How long the user's order waits for the broker's answer: longer than an Alpaca submit with its retries. */
    private static final Duration TICKET_PATIENCE = Duration.ofSeconds(60);
    // Engine loop state; analysisDecision is volatile because queries read it from HTTP threads.
    private Proposal analysisProposal;
    private volatile Decision analysisDecision;
    private boolean analysisExecuted;

    DeskSession(Desk desk, TradingSession session) {
        this.desk = desk;
        this.session = session;
        SessionId id = session.id();
        Ticker ticker = session.ticker();
        AutoTradingConfig config = session.config();
        this.view = new SessionDeskView(desk, session);
        this.orchestrator = new ConsensusOrchestrator(id, desk.bus(), desk.clock(), desk.ports().userClock(), desk.settings().votingRules(config), this::acceptingProposals,
                desk.ports().lease());
        desk.ports().lease().hold(id);
        session.addListener(this::journalStateChange);
        session.addListener(orchestrator::onSessionChange);
        session.addListener(this::announceStateChange);
        session.addListener(this::haltWhenStopped);

        this.own = laneFor(ticker);
        lanes.put(ticker, own);
        this.watchlist = List.of(ticker);
        for (AgentRole role : AgentRole.VOTERS) subscriptions.add(desk.bus().subscribe(id, role, message -> deliver(role, message)));
        // The votes and decisions change engine state: the mailboxes only hand them to the loop.
        subscriptions.add(desk.bus().subscribe(id, AgentRole.ORCHESTRATOR, message -> desk.loop().submit(() -> onOrchestratorMessage(message))));
        // The fence is asked here, on the observer's thread, so that the loop never waits for it.
        subscriptions.add(desk.bus().observe(id, message -> {
            if (message.content() instanceof Decision decision) {
                Admission admission = admission(decision);
                desk.loop().submit(() -> onDecision(decision, admission));
            }
        }));
    }

    public SessionId id() { return session.id(); }

    /** The session's own ticker: the one it analysed and the user approved, first on its watchlist. */
    public Ticker ticker() { return session.ticker(); }

    /** The tickers the session watches and trades, its own first. */
    public List<Ticker> watchlist() { return watchlist; }

    public boolean watches(Ticker ticker) { return lanes.containsKey(ticker); }

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

    /** Whether a language model speaks for any of the session's agents. */
    public boolean reasonsWithModels() {
        for (AgentRole role : AgentRole.VOTERS) {
            if (desk.ports().reasoner().speaksFor(role)) return true;
        }
        return false;
    }

    /** Whether the day's budget for the models is spent, so that every agent answers by its rules until the day turns. */
    public boolean modelBudgetSpentToday() { return desk.ports().reasoner().budgetSpentToday(); }

    public void addStateListener(Consumer<SessionChange> listener) { session.addListener(listener); }

    // ---- user commands -------------------------------------------------------------------------

    /** Starts the analysis of the session's ticker; the result arrives as a proposal. */
    Transition startAnalysis(String actor) {
        Transition transition = session.startAnalysis();
        if (transition instanceof Transition.Moved) {
            journalUser(actor, JournalEvent.UserAction.Action.START_SESSION, "analyse " + session.ticker());
            Thread.ofVirtual().name("analysis-" + session.ticker()).start(() -> analyze(null));
        }
        return transition;
    }

    /**
     * Approves the proposal on the card, which must be {@code proposalId}: the user answers what
     * they saw, and an answer to a card the desk has since replaced is refused. When the desk's own
     * vote approved it, the trade is placed at once (the user's approval is the authority);
     * otherwise the session only moves on to auto-trading, waiting for the next signal.
     */
    public Transition approve(ProposalId proposalId, String actor) {
        return desk.loop().call(() -> {
            Transition.Refused stale = staleAnswer(proposalId, SessionEvent.APPROVE);
            if (stale != null) return stale;
            Transition transition = session.approve();
            if (transition instanceof Transition.Moved) {
                journalUser(actor, JournalEvent.UserAction.Action.APPROVE_PROPOSAL, session.proposal().map(Proposal::text).orElse(""));
                Decision decision = analysisDecision;
                if (decision != null && decision.outcome().approves() && !analysisExecuted) {
                    analysisExecuted = true;
                    desk.execution().execute(this, decision.terms(), true, "approved by " + actor);
                }
            }
            return transition;
        });
    }

    /** Rejects the proposal on the card, which must be {@code proposalId}, with the user's reason; the desk analyses again. */
    public Transition reject(ProposalId proposalId, String reason, String actor) {
        return desk.loop().call(() -> {
            Transition.Refused stale = staleAnswer(proposalId, SessionEvent.REJECT);
            if (stale != null) return stale;
            Transition transition = session.reject(reason);
            if (transition instanceof Transition.Moved) {
                journalUser(actor, JournalEvent.UserAction.Action.REJECT_PROPOSAL, reason);
                Thread.ofVirtual().name("reanalysis-" + session.ticker()).start(() -> analyze(reason));
            }
            return transition;
        });
    }

    /** A refusal when the card no longer shows {@code proposalId}; null when it does. */
    private Transition.Refused staleAnswer(ProposalId proposalId, SessionEvent event) {
        Optional<Proposal> card = session.proposal();
        if (card.isPresent() && card.get().id().equals(proposalId)) return null;
        String now = card.map(p -> "the card now shows proposal " + p.id() + " (" + p.text() + ")").orElse("there is no proposal on the card");
        return new Transition.Refused(session.state(), event, "proposal " + proposalId + " is no longer the one to answer: " + now);
    }

    public Transition enableAutoTrading(String actor) {
        return desk.loop().call(() -> {
            Transition transition = session.enableAutoTrading();
            if (transition instanceof Transition.Moved) journalUser(actor, JournalEvent.UserAction.Action.ENABLE_AUTO_TRADING, "");
            return transition;
        });
    }

    /** Takes effect before the next message is handled: open votes are cancelled and no new order leaves. */
    public Transition disableAutoTrading(String actor) {
        return desk.loop().call(() -> {
            Transition transition = session.disableAutoTrading();
            if (transition instanceof Transition.Moved) {
                journalUser(actor, JournalEvent.UserAction.Action.DISABLE_AUTO_TRADING, "");
                desk.execution().dropConfirmations(this, "auto-trading was switched off");
            }
            return transition;
        });
    }

    public Transition stop(StopReason reason, String actor) {
        return desk.loop().call(() -> {
            Transition transition = session.stop(reason);
            if (transition instanceof Transition.Moved) {
                journalUser(actor, JournalEvent.UserAction.Action.STOP_SESSION, reason.code());
                desk.execution().dropConfirmations(this, "the session stopped");
            }
            return transition;
        });
    }

    /** New limits, in force for the very next order: the RiskEngine reads them when each order is made. */
    public List<FieldError> reconfigure(AutoTradingConfig config, String actor) {
        return desk.loop().call(() -> {
            session.reconfigure(config);
            orchestrator.reconfigure(desk.settings().votingRules(config));
            desk.journal(id(), new JournalEvent.ConfigChanged(ConfigFields.of(config)));
            journalUser(actor, JournalEvent.UserAction.Action.CHANGE_CONFIG, "");
            desk.positionsChanged(id());
            return List.<FieldError>of();
        });
    }

    /** Closes every position of the session at market, whatever the switch says: flattening only ever reduces risk. */
    public void flatten(String actor) {
        desk.loop().run(() -> {
            journalUser(actor, JournalEvent.UserAction.Action.FLATTEN, "");
            desk.execution().flatten(this, OrderCause.FLATTEN, "flattened by " + actor);
        });
    }

    /**
     * The user's order from the ticket, checked and sent like the agents' orders; with auto-trading
     * switched off it is refused, as theirs are.
     */
    public TicketOutcome placeOrder(OrderTicket ticket, String actor) {
        // The broker's answer is awaited here, off the loop, which goes on meanwhile.
        CompletableFuture<TicketOutcome> outcome = desk.loop().call(() -> desk.execution().order(this, ticket, actor));
        try {
            return outcome.get(TICKET_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            throw new IllegalStateException("the broker did not answer the order within " + TICKET_PATIENCE.toSeconds()
                    + " s; what becomes of it is told in the conversation", slow);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the order could not be sent: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker's answer", interrupted);
        }
    }

    /** Changes a position's stop, target and trailing stop; null when applied, else why not, as a sentence. */
    public String editStops(Ticker ticker, Protection protection, String actor) {
        return desk.loop().call(() -> {
            desk.execution().releaseVenueExits(this, ticker, "to change them");
            String refusal = desk.protect(id(), ticker, protection);
            if (refusal == null) {
                journalUser(actor, JournalEvent.UserAction.Action.EDIT_STOPS, ticker + ": " + ExecutionEngine.describe(protection));
                desk.position(id(), ticker).ifPresent(position -> desk.journal(id(), ExecutionEngine.positionChanged(ticker, position)));
            }
            return refusal;
        });
    }

    public int tradesToday() { return desk.loop().call(() -> desk.execution().tradesToday(id())); }

    /** Closes what is left of the position once the orders already working are done; false when nothing is left to close. */
    public boolean closePosition(Ticker ticker, String actor) {
        return desk.loop().call(() -> {
            journalUser(actor, JournalEvent.UserAction.Action.CLOSE_POSITION, ticker.symbol());
            return desk.execution().close(this, ticker, OrderCause.USER_CLOSE, "closed by " + actor);
        });
    }

    // ---- the conversation ----------------------------------------------------------------------

    /** Each agent in turn, so the reasoning reads in speaking order; then Technical's proposal goes to the vote. */
    private void analyze(String userConcern) {
        for (AgentRole role : AgentRole.VOTERS) {
            CompletableFuture<Void> spoken = new CompletableFuture<>();
            own.runner(role).run(agent -> {
                try {
                    desk.reportActivity(new AgentActivity.Started(id(), role, AgentActivity.Work.ANALYSIS, null));
                    for (String line : agent.analyze()) reason(agent.role(), line);
                    desk.reportActivity(new AgentActivity.Done(id(), role, AgentActivity.Work.ANALYSIS));
                } finally {
                    spoken.complete(null);
                }
            });
            spoken.join();
        }
        UserConcern.Match reading = userConcern == null ? null : readConcern(userConcern);
        own.runner(AgentRole.TECHNICAL).run(agent -> {
            Proposal proposal = ((TechnicalAgent) agent).propose(userConcern, reading);
            // Queued before the proposal is published, so the loop knows it before its decision arrives.
            desk.loop().submit(() -> {
                analysisProposal = proposal;
                analysisDecision = null;
                analysisExecuted = false;
            });
            desk.bus().publish(AgentMessage.draft(id(), AgentRole.TECHNICAL, Recipients.all(), proposal, desk.clock().now()));
        });
    }

    /**
     * How Technical reads the user's reason: at once by its words, or by the model when they name no
     * concern (this analysis thread waits; the agent's runner does not). A session closed meanwhile
     * leaves the reading by the words.
     */
    private UserConcern.Match readConcern(String reason) {
        CompletableFuture<UserConcern.Match> read = new CompletableFuture<>();
        own.runner(AgentRole.TECHNICAL).run(agent -> ((TechnicalAgent) agent).readConcern(reason)
                .whenComplete((match, failure) -> read.complete(failure == null ? match : UserConcern.read(reason))));
        return read.completeOnTimeout(UserConcern.read(reason), READING_PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    private void reason(AgentRole role, String line) {
        desk.bus().publish(AgentMessage.draft(id(), role, Recipients.all(), Update.of(Update.UpdateKind.REASONING, ticker(), line), desk.clock().now()));
    }

    /** The orchestrator's mailbox: proposals open rounds, votes are counted, and everything else said counts towards a discussion's bound. */
    private void onOrchestratorMessage(AgentMessage message) {
        switch (message.content()) {
            case Proposal proposal -> {
                if (orchestrator.open(message) instanceof Opening.Refused refused) {
                    say(AgentRole.ORCHESTRATOR, new Alert(Alert.AlertKind.SYSTEM, Alert.Severity.INFO, proposal.ticker(),
                            "Proposal not put to the vote: " + refused.detail()));
                }
            }
            case Vote vote -> orchestrator.record(message);
            default -> orchestrator.hear(message);
        }
    }

    /** An approval is carried out only when the fence admits it; the other outcomes change nothing it guards. */
    private Admission admission(Decision decision) {
        if (!decision.outcome().approves()) return Admission.ADMITTED;
        return desk.ports().fence().admit(id(), decision.proposalId(), decision.fencingToken());
    }

    /**
     * Every decision of the session passes here, on the engine loop: approved ones the fence admitted
     * go to execution. One the fence refused because another process admitted it first is that
     * process's to carry out; one whose orchestrator was deposed, or that could not be checked, is
     * said to be refused, and nothing follows from it.
     */
    private void onDecision(Decision decision, Admission admission) {
        switch (admission) {
            case ADMITTED -> onDecision(decision);
            case ALREADY_ADMITTED -> { }
            case DEPOSED -> refuse(decision, "the orchestrator that decided it no longer holds this session (fencing token " + decision.fencingToken() + ")");
            case UNVERIFIED -> refuse(decision, "the bus could not confirm that its orchestrator still holds this session");
        }
    }

    private void refuse(Decision decision, String why) {
        say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, decision.terms().ticker(), "Not executing \"" + decision.terms().text() + "\": " + why + "."));
    }

    private void onDecision(Decision decision) {
        Proposal analysis = analysisProposal;
        if (analysis != null && analysis.id().equals(decision.proposalId())) {
            finishAnalysis(decision);
            return;
        }
        if (decision.outcome().approves()) desk.execution().execute(this, decision.terms(), false, "approved by the desk");
    }

    private void finishAnalysis(Decision decision) {
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

    /** A market event for a ticker the session watches: signals start that ticker's conversation while the desk may trade. */
    void onMarketEvent(MarketEvent event) {
        if (!session.isTradingAllowed()) return;
        TickerLane lane = lanes.get(event.ticker());
        if (lane != null) lane.onMarketEvent(event);
    }

    /**
     * Hands a message addressed to {@code role} to that role's agent of the ticker it is about, or,
     * when it names no ticker, to that role's agent of every ticker; a message about a ticker the
     * session no longer watches reaches no one.
     */
    private void deliver(AgentRole role, AgentMessage message) {
        Ticker about = Payload.about(message.content());
        if (about == null) {
            for (TickerLane lane : lanes.values()) lane.deliver(role, message);
            return;
        }
        TickerLane lane = lanes.get(about);
        if (lane != null) lane.deliver(role, message);
    }

    /** The five agents of {@code ticker}, reading the session's view of the desk; their model calls and what their votes saw are journaled. */
    private TickerLane laneFor(Ticker ticker) {
        AgentContext context = new AgentContext(id(), ticker, desk.bus(), desk.clock(), view, desk.ports().reasoner(), new AgentContext.CallRecord() {
            @Override public void record(SessionId session, JournalEvent.ReasonerCalled call) { desk.journal(session, call); }

            @Override public void seen(SessionId session, JournalEvent.VoteSeen seen) { desk.journal(session, seen); }
        }, desk::reportActivity);
        return new TickerLane(context, desk.agentWorkers(), desk::reportAgentFailure);
    }

    // ---- the watchlist ---------------------------------------------------------------------------

    /**
     * Adds {@code ticker} to the watchlist: its five agents start, its prices and signals are
     * followed, and the desk may trade it under the session's limits and authority. The feed is
     * asked first, on the caller's thread, whether it serves the ticker.
     *
     * @throws TickerRefusedException when the feed does not know the ticker or cannot be asked now
     */
    public WatchlistChange watch(Ticker ticker, String actor) {
        String refusal = desk.loop().call(() -> watchRefusal(ticker));
        if (refusal != null) return new WatchlistChange.Refused(refusal);
        desk.follow(ticker);
        return desk.loop().call(() -> {
            String late = watchRefusal(ticker);
            if (late != null) return new WatchlistChange.Refused(late);
            addLane(ticker);
            journalWatchlist(actor, JournalEvent.UserAction.Action.WATCH_TICKER, ticker);
            desk.watchlistChanged(this, ticker);
            say(AgentRole.ORCHESTRATOR, new Update(Update.UpdateKind.STATUS, ticker, null, ticker + " added to the watchlist: " + describe(watchlist) + "."));
            return new WatchlistChange.Changed(watchlist);
        });
    }

    /**
     * Takes {@code ticker} off the watchlist once nothing of it is held or working: its agents are
     * let go and the desk trades it no more. The session's own ticker stays.
     */
    public WatchlistChange unwatch(Ticker ticker, String actor) {
        return desk.loop().call(() -> {
            String refusal = unwatchRefusal(ticker);
            if (refusal != null) return new WatchlistChange.Refused(refusal);
            TickerLane lane = lanes.remove(ticker);
            watchlist = watchlist.stream().filter(watched -> !watched.equals(ticker)).toList();
            journalWatchlist(actor, JournalEvent.UserAction.Action.UNWATCH_TICKER, ticker);
            desk.watchlistChanged(this, null);
            say(AgentRole.ORCHESTRATOR, new Update(Update.UpdateKind.STATUS, ticker, null, ticker + " taken off the watchlist: " + describe(watchlist) + "."));
            Thread.ofVirtual().name("unwatch-" + ticker).start(lane::close);
            return new WatchlistChange.Changed(watchlist);
        });
    }

    /** The watchlist a restart found in the journal: each ticker's agents start again (the desk follows their prices). */
    void restoreWatchlist(List<Ticker> journaled) {
        for (Ticker ticker : journaled) {
            if (!lanes.containsKey(ticker)) addLane(ticker);
        }
    }

    private void addLane(Ticker ticker) {
        lanes.put(ticker, laneFor(ticker));
        List<Ticker> longer = new ArrayList<>(watchlist);
        longer.add(ticker);
        watchlist = List.copyOf(longer);
    }

    private String watchRefusal(Ticker ticker) {
        if (session.state() == SessionState.STOPPED) return "the session has stopped; open a new one to watch " + ticker;
        if (lanes.containsKey(ticker)) return ticker + " is already on the watchlist";
        if (watchlist.size() >= MOST_WATCHED) return "the watchlist holds " + MOST_WATCHED + " tickers, the most a session watches; take one off first";
        return null;
    }

    private String unwatchRefusal(Ticker ticker) {
        if (ticker.equals(session.ticker())) return ticker + " is the session's own ticker, which it watches for as long as it runs";
        if (!lanes.containsKey(ticker)) return ticker + " is not on the watchlist";
        Optional<Position> held = desk.position(id(), ticker);
        if (held.isPresent()) return "the session holds " + held.get().quantity() + " shares of " + ticker + "; close the position before taking it off the watchlist";
        if (desk.workingQuantity(id(), ticker) != 0) return "an order for " + ticker + " is still working; wait for it to end";
        return null;
    }

    private void journalWatchlist(String actor, JournalEvent.UserAction.Action action, Ticker ticker) {
        journalUser(actor, action, ticker.symbol());
        desk.journal(id(), new JournalEvent.WatchlistChanged(watchlist));
    }

    private static String describe(List<Ticker> tickers) {
        return String.join(", ", tickers.stream().map(Ticker::symbol).toList());
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
    void stopForMaxLoss(String detail) {
        if (session.state() == SessionState.STOPPED) return;
        say(AgentRole.RISK, new Alert(Alert.AlertKind.LIMIT_BREACH, Alert.Severity.CRITICAL, ticker(), "Daily loss limit hit: " + detail + ". Trading stopped."));
        session.stop(StopReason.MAX_LOSS_HIT);
        desk.execution().dropConfirmations(this, "the daily loss limit was hit");
        if (session.config().flattenOnMaxLoss()) desk.execution().flatten(this, OrderCause.LOSS_LIMIT, "daily loss limit hit");
    }

    boolean acceptingProposals() {
        SessionState state = session.state();
        return state == SessionState.ANALYZING || state == SessionState.RE_ANALYZING || session.isTradingAllowed();
    }

    AgentMessage say(AgentRole role, Payload payload) {
        return desk.bus().publish(AgentMessage.draft(id(), role, Recipients.all(), payload, desk.clock().now()));
    }

    /**
     * A stopped session trades no more: the RiskEngine halts it (its stops still fire, on the loop)
     * and its agents are let go, so that a stopped session holds no worker and no mailbox.
     */
    private void haltWhenStopped(SessionChange change) {
        if (change.to() != SessionState.STOPPED) return;
        desk.halt(this, change.describe());
        retire();
    }

    /** Lets the agents go. Runners finish the work already queued; that may take a moment, and the loop does not wait for it. */
    void retire() {
        Thread.ofVirtual().name("retire-" + id()).start(this::close);
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
        desk.ports().lease().release(id());
        for (MessageBus.Subscription subscription : subscriptions) subscription.close();
        for (TickerLane lane : lanes.values()) lane.close();
    }
}
