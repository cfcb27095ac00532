package io.quorum.engine.desk;

import io.quorum.engine.agent.Agent;
import io.quorum.engine.agent.AgentActivity;
import io.quorum.engine.agent.SentimentScorer;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.WorkerPool;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.loop.EngineLoop;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.MarketEvent;
import io.quorum.engine.market.signal.MarketMonitor;
import io.quorum.engine.market.signal.MonitorSettings;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.Fill;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.DailyHistory;
import io.quorum.engine.portfolio.RiskModel;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.RiskReport;
import io.quorum.engine.position.ExitTriggered;
import io.quorum.engine.position.PnlSummary;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.PositionManager;
import io.quorum.engine.position.Protection;
import io.quorum.engine.position.ProtectionEdit;
import io.quorum.engine.risk.RiskEngine;
import io.quorum.engine.risk.TradingState;
import io.quorum.engine.risk.TradingStateChange;
import io.quorum.engine.session.ConfigFields;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.TradingSession;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.snapshot.SessionSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The trading desk in one process: sessions with their agents, the bus they talk on, the market
 * monitor that feeds them, the position manager that guards open positions on every tick, the
 * {@link RiskEngine} and the execution engine between decisions and the broker. Everything outside
 * is a port (see {@link DeskPorts}), so the same desk runs on a simulated market or a real one.
 *
 * <p>One thread, the {@link EngineLoop}, owns sessions, risk state, orders and positions. Ticks,
 * fills, votes and decisions, timer expiries and user commands are events in its one queue:
 * the market feed, the broker, the bus's mailboxes, the timer and HTTP threads only enqueue, and
 * commands answer their caller through {@link EngineLoop#call}. No lock guards positions, and no
 * journal write, broker call or listener runs under the market feed's lock. After each batch of
 * events the loop publishes a {@link DeskSnapshot}, which is all the agents read.
 */
public final class Desk implements AutoCloseable {
    private final DeskPorts ports;
    private final BrokerCalls brokerCalls;
    private final DeskSettings settings;
    /** Written on the loop only; a concurrent map so that other threads may list sessions. */
    private final Map<SessionId, DeskSession> sessions = new ConcurrentHashMap<>();
    private final EngineLoop loop;
    private final MessageBus bus;
    private final WorkerPool agentWorkers = WorkerPool.ofDaemons("agent", WorkerPool.DEFAULT_SIZE);
    private final PositionManager positions;
    private final List<ExitTriggered> triggeredExits = new ArrayList<>();
    private final RiskEngine risk;
    private final SentimentScorer sentiment;
    private final MarketMonitor monitor;
    private final ExecutionEngine execution;
    /** Written by the threads that open sessions, off the loop, because subscribing may wait on the provider. */
    private final Map<Ticker, MarketDataFeed.Subscription> watched = new ConcurrentHashMap<>();
    private final Map<Ticker, Price> lastPrices = new HashMap<>();
    private final StaleFeeds staleFeeds;
    private final List<DeskListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final AtomicReference<String> journalFault = new AtomicReference<>();
    private final Map<SessionId, Long> recoveredBusSeqs = new ConcurrentHashMap<>();
    private final Map<SessionId, Long> journalSeqs = new ConcurrentHashMap<>();
    private final Map<PositionKey, Price> journaledWaterMarks = new HashMap<>();
    private final Reconciliation reconciliation = new Reconciliation();
    /** Written on the loop only. */
    private final DailyHistory dailyHistory;
    /** The trading day the daily history was last read for; on the loop only. */
    private LocalDate historyDay;
    private volatile DeskSnapshot snapshot;
    /** The desk's copy of the account; written on the loop only. */
    private volatile Account account;
    private boolean snapshotStale = true;
    private long snapshotVersion;
    private long lastReconciliation;
    private volatile boolean closed;

    /** How often (wall time) the desk compares its positions with the broker's. */
    private static final long RECONCILE_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private record PositionKey(SessionId session, Ticker ticker) {}

    public Desk(DeskPorts ports, DeskSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.loop = new EngineLoop("engine-loop", error -> reportProblem(null, "engine loop: " + error));
        this.bus = ports.busFactory().apply(BusSettings.defaults()
                .withJournal(message -> journal(message.sessionId(), new JournalEvent.MessageJournaled(message)))
                .withGuard(this::guard)
                .withLastSeqOf(session -> recoveredBusSeqs.getOrDefault(session, 0L))
                .withOverflowListener((subscriber, dropped, policy) -> reportProblem(subscriber.session(),
                        "mailbox of " + subscriber + " is full; message " + dropped.seq() + " " + policy))
                .withErrorListener((subscriber, message, error) -> reportProblem(subscriber.session(),
                        subscriber + " failed on message " + message.seq() + ": " + error)));
        this.positions = new PositionManager(ports.calendar()::tradingDate, triggeredExits::add);
        this.risk = new RiskEngine(ports.clock(), ports.calendar()::tradingDate);
        this.sentiment = new SentimentScorer(settings.sentimentHalfLife());
        this.brokerCalls = new BrokerCalls(ports.broker(), loop, problem -> reportProblem(null, problem));
        this.execution = new ExecutionEngine(this, risk);
        this.dailyHistory = new DailyHistory(settings.risk().historyDays());
        risk.checkAccountWith(() -> Optional.of(new AccountLimitCheck(portfolio(), dailyHistory.model(), settings.risk())));
        this.staleFeeds = new StaleFeeds(settings.staleFeedAfter(), ports.calendar());
        this.account = ports.broker().account();
        if (ports.broker().isLive()) risk.awaitLiveConfirmation();
        this.snapshot = DeskSnapshot.initial(ports.clock().now(), account.equity(), account.buyingPower());
        // The broker reports on its own thread (the paper broker on the feed's): the loop does the rest.
        ports.broker().onOrderEvent(event -> loop.submit(() -> execution.onOrderEvent(event)));
        this.monitor = new MarketMonitor(ports.market(), ports.news(), MonitorSettings.defaults(), ports.calendar());
        monitor.addListener(event -> loop.submit(() -> onMarketEvent(event)));
        loop.afterEachBatch(this::publishSnapshotIfStale);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("desk-timer").factory());
        long period = settings.timerPeriod().toMillis();
        timer.scheduleAtFixedRate(() -> loop.submit(this::onTimer), period, period, TimeUnit.MILLISECONDS);
    }

    // ---- sessions ------------------------------------------------------------------------------

    /**
     * Opens a session on {@code ticker} and starts its analysis. The feed is asked first, on the
     * caller's thread, whether it can serve the ticker, and the ticker's history is loaded there
     * too: a slow provider delays this call, never the loop.
     *
     * @throws TickerRefusedException when the feed does not know the ticker or cannot be asked now
     */
    public DeskSession open(Ticker ticker, String actor) {
        follow(ticker);
        return loop.call(() -> {
            DeskSession session = new DeskSession(this, new TradingSession(SessionId.random(), ticker, settings.defaultConfig(), clock()));
            sessions.put(session.id(), session);
            journal(session.id(), new JournalEvent.SessionOpened(ticker));
            journal(session.id(), new JournalEvent.ConfigChanged(ConfigFields.of(session.config())));
            staleFeeds.watch(ticker, ports.userClock().now());
            if (staleFeeds.isStale(ticker)) reduceForSilentFeed(session, "no price for " + ticker + " yet");
            snapshotStale = true;
            publishSnapshotIfStale(); // before the agents first read it
            for (DeskListener listener : listeners) listener.sessionOpened(session);
            session.startAnalysis(actor);
            return session;
        });
    }

    /**
     * Rebuilds every journaled session, with positions and stops, before the market is watched, then
     * reconciles with the broker. Call once, before the first tick.
     */
    public List<DeskSession> recover() {
        List<DeskSession> restored = loop.call(() -> new DeskRecovery(this).recover());
        for (DeskSession session : restored) {
            if (session.state() == SessionState.STOPPED) continue;
            for (Ticker ticker : session.watchlist()) {
                SymbolLookup lookup = ports.market().admit(ticker);
                if (lookup instanceof SymbolLookup.Known) watch(ticker);
                else reportProblem(session.id(), TickerRefusedException.describe(lookup) + "; the session gets no prices for " + ticker
                        + " until the desk restarts on a feed that has them");
            }
        }
        loop.run(() -> {
            for (Ticker ticker : watched.keySet()) staleFeeds.watch(ticker, ports.userClock().now());
            reconcile();
            snapshotStale = true;
        });
        return restored;
    }

    /**
     * Compares the desk's positions with the broker's ({@link Reconciliation}). A confirmed
     * difference is announced, and the sessions trading that ticker may only reduce risk until the
     * two agree again; the periodic check lifts the state by itself.
     */
    public void reconcile() {
        loop.run(() -> brokerCalls.ask("reading the account and the positions", () -> new VenueBooks(ports.broker().account(), ports.broker().positions()), this::reconcileWith));
    }

    /** What the broker said it holds, read together. */
    private record VenueBooks(Account account, List<BrokerPosition> positions) {}

    private void reconcileWith(VenueBooks venue) {
        account = venue.account();
        snapshotStale = true;
        List<Position> held = new ArrayList<>();
        for (DeskSession session : sessions.values()) held.addAll(positions.positions(session.id()));
        Map<Ticker, Reconciliation.Mismatch> mismatches = reconciliation.compare(held, venue.positions());
        for (DeskSession session : sessions.values()) {
            Reconciliation.Mismatch mismatch = session.watchlist().stream().map(mismatches::get).filter(Objects::nonNull).findFirst().orElse(null);
            TradingState state = risk.state(session.id());
            if (mismatch != null && state == TradingState.ACTIVE) {
                String why = mismatch.describe();
                execution.reduceOnly(session.id(), why).ifPresent(change -> tradingStateChanged(session, change, reconciliationAlert(mismatch.ticker(),
                        Alert.Severity.CRITICAL, "Positions disagree: " + why + ". Only risk-reducing orders until they match.")));
            } else if (mismatch == null && watchedFeedsLive(session) && session.watchlist().stream().noneMatch(reconciliation::differs)
                    && state == TradingState.REDUCING) {
                execution.resume(session.id(), "the positions agree with the broker again").ifPresent(change -> tradingStateChanged(session, change,
                        reconciliationAlert(session.ticker(), Alert.Severity.INFO, "Positions agree with the broker again; new trades are allowed.")));
            }
        }
    }

    /**
     * Puts away a stopped session with nothing open and nothing working: the desk forgets it (it
     * holds no agent, no mailbox, no risk state), the journal keeps every entry for the audit, and a
     * restart leaves it put away. The answer is empty when archived, else why not, as a sentence.
     */
    public Optional<String> archive(SessionId id, String actor) {
        return loop.call(() -> {
            DeskSession session = sessions.get(id);
            if (session == null) return Optional.of("there is no session " + id);
            if (session.state() != SessionState.STOPPED) return Optional.of("only a stopped session can be archived; stop it first");
            if (!positions.positions(id).isEmpty()) return Optional.of("the session still holds positions; close them first");
            if (session.watchlist().stream().anyMatch(ticker -> risk.workingQuantity(id, ticker) != 0)) return Optional.of("an order of the session is still working");
            journal(id, new JournalEvent.UserAction(actor, JournalEvent.UserAction.Action.ARCHIVE_SESSION, ""));
            sessions.remove(id);
            risk.forget(id);
            journalSeqs.remove(id);
            session.retire();
            snapshotStale = true;
            return Optional.empty();
        });
    }

    /** Why the session may not trade normally (reducing only, or halted); empty while it is ACTIVE. */
    public Optional<String> haltReason(SessionId session) { return loop.call(() -> risk.stateReason(session)); }

    public TradingState tradingState(SessionId session) { return loop.call(() -> risk.state(session)); }

    public Optional<DeskSession> session(SessionId id) { return Optional.ofNullable(sessions.get(id)); }

    public Collection<DeskSession> sessions() { return List.copyOf(sessions.values()); }

    public void addListener(DeskListener listener) { listeners.add(listener); }

    /** The latest snapshot the engine loop published: what the agents see. */
    public DeskSnapshot snapshot() { return snapshot; }

    // ---- positions and P&L ---------------------------------------------------------------------

    public List<Position> positions(SessionId session) { return loop.call(() -> positions.positions(session)); }

    public Optional<Position> position(SessionId session, Ticker ticker) { return loop.call(() -> positions.position(session, ticker)); }

    /** Signed shares of the session's orders in {@code ticker} still working, read on the loop. */
    long workingQuantity(SessionId session, Ticker ticker) { return risk.workingQuantity(session, ticker); }

    public PnlSummary pnl(SessionId session) { return loop.call(() -> positions.pnl(session)); }

    /** Edits a position's stop, target and trailing stop; null when applied, else the reason it was refused. */
    public String protect(SessionId session, Ticker ticker, Protection protection) {
        return loop.call(() -> switch (positions.protect(session, ticker, protection)) {
            case ProtectionEdit.Applied applied -> {
                positionsChanged(session);
                yield null;
            }
            case ProtectionEdit.Refused refused -> refused.reason();
        });
    }

    /**
     * The account's equity: the cash of the desk's copy of the account (taken from the broker after
     * every fill and at every reconciliation, never on each pre-trade check) plus every position
     * at its last price, so that it follows the market between fills.
     */
    public Money equity() { return loop.call(this::markedEquity); }

    private Money markedEquity() { return portfolio().equity(); }

    /** The account seen whole, on the loop: the desk's cash and every session's positions at their last prices. */
    private Portfolio portfolio() {
        List<Position> held = new ArrayList<>();
        for (DeskSession session : sessions.values()) held.addAll(positions.positions(session.id()));
        return Portfolio.of(account.cash(), held, dailyHistory.sectors());
    }

    /** What may still be spent, from the desk's copy of the account. */
    public Money buyingPower() { return account.buyingPower(); }

    /** Takes the broker's account again: after a fill, and at every reconciliation. */
    void refreshAccount() {
        loop.requireLoopThread();
        brokerCalls.ask("reading the account", ports.broker()::account, read -> {
            account = read;
            snapshotStale = true;
        });
    }

    BrokerCalls brokerCalls() { return brokerCalls; }

    /** The last price the loop has seen for {@code ticker}, or the feed's before the loop's first tick of it. */
    public Optional<Price> lastPrice(Ticker ticker) {
        return loop.call(() -> {
            Price seen = lastPrices.get(ticker);
            return seen != null ? Optional.of(seen) : ports.market().lastTick(ticker).map(tick -> Price.ofMicros(tick.lastMicros()));
        });
    }

    /** Whether a session with {@code config} may trade now: the exchange is open and the time is within the session's hours. */
    boolean withinTradingHours(AutoTradingConfig config) {
        Instant now = clock().now();
        LocalTime local = now.atZone(config.timeZone()).toLocalTime();
        return ports.calendar().isOpen(now) && !local.isBefore(config.tradingHoursStart()) && local.isBefore(config.tradingHoursEnd());
    }

    /** True while the account is live and its number has not been confirmed: only exits may leave. */
    public boolean awaitsLiveConfirmation() { return loop.call(risk::awaitsLiveConfirmation); }

    /**
     * The user's confirmation of a live account: {@code typedNumber} must be the venue's account
     * number, as the desk's copy of the account has it. Confirmed, it holds until the desk stops: a
     * restarted desk asks again, since its configuration may now point at another account. Each
     * session's journal records who confirmed which account.
     */
    public LiveConfirmation confirmLiveAccount(String typedNumber, String actor) {
        return loop.call(() -> {
            if (!risk.awaitsLiveConfirmation()) return new LiveConfirmation.NotAwaited();
            String number = account.number();
            if (number.isEmpty()) return new LiveConfirmation.Refused("The broker has not told the desk the account's number yet: try again in a few seconds.");
            if (!number.equals(typedNumber.strip())) {
                return new LiveConfirmation.Refused("That is not the number of the account the desk trades: copy it from your broker's account page and type it again.");
            }
            risk.liveTradingConfirmed();
            String masked = account.maskedNumber();
            for (DeskSession session : sessions.values()) {
                journal(session.id(), new JournalEvent.UserAction(actor, JournalEvent.UserAction.Action.CONFIRM_LIVE_ACCOUNT, "account " + masked));
            }
            return new LiveConfirmation.Confirmed(masked);
        });
    }

    public List<PendingConfirmation> confirmations(SessionId session) { return loop.call(() -> execution.confirmations(session)); }

    public ConfirmationAnswer confirm(SessionId session, String confirmationId, boolean approve, String actor) {
        return loop.call(() -> {
            DeskSession deskSession = sessions.get(session);
            return deskSession == null ? new ConfirmationAnswer.Unknown() : execution.confirm(deskSession, confirmationId, approve, actor);
        });
    }

    // ---- what the desk's parts use -------------------------------------------------------------

    public MessageBus bus() { return bus; }

    public Clock clock() { return ports.clock(); }

    public DeskPorts ports() { return ports; }

    public DeskSettings settings() { return settings; }

    /** The single writer: every change to sessions, risk, orders and positions runs on it. */
    public EngineLoop loop() { return loop; }

    SentimentScorer sentiment() { return sentiment; }

    ExecutionEngine execution() { return execution; }

    WorkerPool agentWorkers() { return agentWorkers; }

    /**
     * Appends to the journal. If the journal fails, nothing that needed the entry goes ahead (a
     * message is not delivered, an order is not sent); the fault is reported once and shown by
     * {@link #journalFault()} until an append succeeds again, which is how the desk recovers by itself.
     */
    void journal(SessionId session, JournalEvent event) {
        noteJournaled(journaling(() -> ports.journal().append(session, event)));
        if (event instanceof JournalEvent.PositionChanged changed) noteJournaledWaterMark(session, changed.ticker(), changed.waterMark());
    }

    void journalDurably(SessionId session, JournalEvent event) {
        noteJournaled(journaling(() -> ports.journal().appendDurably(session, event)));
    }

    private JournalEntry journaling(Supplier<JournalEntry> append) {
        JournalEntry entry;
        try {
            entry = append.get();
        } catch (RuntimeException e) {
            String fault = "the journal cannot be written: " + e.getMessage();
            if (journalFault.getAndSet(fault) == null) reportProblem(null, fault + "; nothing is traded until it works again");
            throw e;
        }
        if (journalFault.get() != null && journalFault.getAndSet(null) != null) reportProblem(null, "the journal works again; the desk resumes");
        return entry;
    }

    private void noteJournaled(JournalEntry entry) {
        if (entry != null) journalSeqs.merge(entry.session(), entry.seq(), Math::max);
    }

    /** Why the journal cannot be written, while it cannot; empty when it works. */
    public Optional<String> journalFault() { return Optional.ofNullable(journalFault.get()); }

    DeskSession adopt(DeskSession session) {
        sessions.put(session.id(), session);
        for (DeskListener listener : listeners) listener.sessionOpened(session);
        return session;
    }

    void continueBusSequence(SessionId session, long lastSeq) { recoveredBusSeqs.put(session, lastSeq); }

    void replayFill(SessionId session, Fill fill) {
        loop.requireLoopThread();
        positions.onFill(session, fill);
    }

    void rearmProtection(SessionId session, Ticker ticker, Protection protection, Price waterMark) {
        loop.requireLoopThread();
        ProtectionEdit edit = positions.protect(session, ticker, protection);
        if (waterMark != null) positions.restoreWaterMark(session, ticker, waterMark);
        if (edit instanceof ProtectionEdit.Refused refused) {
            reportProblem(session, "stops of " + ticker + " could not be re-armed after the restart: " + refused.reason());
        }
    }

    Position applyFill(SessionId session, Fill fill, Protection protection) {
        loop.requireLoopThread();
        positions.onFill(session, fill);
        Optional<Position> position = positions.position(session, fill.ticker());
        if (position.isPresent() && protection != null && fill.signedQuantity() * position.get().signedQuantity() > 0) {
            positions.protect(session, fill.ticker(), protection);
            position = positions.position(session, fill.ticker());
        }
        snapshotStale = true;
        return position.orElse(null);
    }

    void rearm(SessionId session, Ticker ticker) {
        loop.requireLoopThread();
        positions.rearm(session, ticker);
    }

    /**
     * The session stopped: no new orders at all from now on; protective exits and the user's closes
     * still leave. The stop itself was announced already, so Risk says this as a status, not an alert.
     */
    void halt(DeskSession session, String why) {
        execution.halt(session.id(), why).ifPresent(change -> tradingStateChanged(session, change, new Update(Update.UpdateKind.STATUS,
                session.ticker(), null, "Trading halted: " + why + ". Stops and targets of open positions still work.")));
    }

    private void tradingStateChanged(DeskSession session, TradingStateChange change, Payload announcement) {
        journal(session.id(), new JournalEvent.TradingStateChanged(change.from().name(), change.to().name(), change.reason()));
        snapshotStale = true;
        session.say(AgentRole.RISK, announcement);
    }

    /**
     * A watched ticker has had no price for too long in market hours: its sessions may only reduce
     * risk, since a decision on a price that may be stale is a guess. Stops stay armed and fire on
     * the next price that arrives.
     */
    private void feedWentSilent(StaleFeeds.Silence silence) {
        String why = "no price for " + silence.ticker() + " for " + silence.silentFor().toSeconds() + " s during market hours";
        for (DeskSession session : sessions.values()) {
            if (session.watches(silence.ticker()) && session.state() != SessionState.STOPPED) reduceForSilentFeed(session, why);
        }
    }

    private void reduceForSilentFeed(DeskSession session, String why) {
        if (risk.state(session.id()) != TradingState.ACTIVE) return;
        execution.reduceOnly(session.id(), why).ifPresent(change -> tradingStateChanged(session, change,
                new Alert(Alert.AlertKind.STALE_MARKET_DATA, Alert.Severity.WARNING, session.ticker(),
                        "Market data is stale: " + why + ". Only risk-reducing orders until prices return; stops stay armed.")));
    }

    /** Prices of a stale ticker arrive again: its sessions trade as before, unless the positions still disagree with the broker. */
    private void pricesReturned(Ticker ticker) {
        if (reconciliation.differs(ticker)) return;
        for (DeskSession session : sessions.values()) {
            if (!session.watches(ticker) || !watchedFeedsLive(session) || risk.state(session.id()) != TradingState.REDUCING) continue;
            execution.resume(session.id(), "prices for " + ticker + " arrive again").ifPresent(change -> tradingStateChanged(session, change,
                    new Update(Update.UpdateKind.STATUS, ticker, null, "Prices for " + ticker + " arrive again; new trades are allowed.")));
        }
    }

    /** Whether prices arrive for every ticker {@code session} watches. */
    private boolean watchedFeedsLive(DeskSession session) {
        return session.watchlist().stream().noneMatch(staleFeeds::isStale);
    }

    private static Alert reconciliationAlert(Ticker ticker, Alert.Severity severity, String text) {
        return new Alert(Alert.AlertKind.RECONCILIATION_MISMATCH, severity, ticker, text);
    }

    void positionsChanged(SessionId session) {
        snapshotStale = true;
        for (DeskListener listener : listeners) listener.positionsChanged(session);
    }

    void reportProblem(SessionId session, String problem) {
        for (DeskListener listener : listeners) listener.problem(session, problem);
    }

    /**
     * Hands what an agent is doing to the listeners, on the agent's (or its model's) thread. A
     * listener that fails is reported and skipped: the agent's vote must not wait on who watches it.
     */
    void reportActivity(AgentActivity activity) {
        for (DeskListener listener : listeners) {
            try {
                listener.agentActivity(activity);
            } catch (RuntimeException failed) {
                ACTIVITY_LOG.log(System.Logger.Level.WARNING, "a listener failed on " + activity.role() + "'s activity", failed);
            }
        }
    }

    private static final System.Logger ACTIVITY_LOG = System.getLogger("io.quorum.engine.desk");

    void reportAgentFailure(Agent agent, Throwable error) {
        reportProblem(null, agent.role().displayName() + " agent failed: " + error);
    }

    // ---- the market ----------------------------------------------------------------------------

    /**
     * Asks the feed whether it serves {@code ticker}, then follows its prices and signals; on the
     * caller's thread, never the loop's, since the feed may ask its provider.
     *
     * @throws TickerRefusedException when the feed does not know the ticker or cannot be asked now
     */
    void follow(Ticker ticker) {
        SymbolLookup lookup = ports.market().admit(ticker);
        if (!(lookup instanceof SymbolLookup.Known)) throw new TickerRefusedException(lookup);
        watch(ticker);
    }

    /** A session added {@code ticker} to its watchlist, on the loop: its feed is watched for silence, and the snapshot is made again. */
    void watchlistChanged(DeskSession session, Ticker added) {
        if (added != null) {
            staleFeeds.watch(added, ports.userClock().now());
            if (staleFeeds.isStale(added)) reduceForSilentFeed(session, "no price for " + added + " yet");
        }
        snapshotStale = true;
    }

    /** Follows {@code ticker}'s prices and signals; on the caller's thread, never the loop's, since the feed may ask its provider. */
    private void watch(Ticker ticker) {
        if (watched.containsKey(ticker)) return;
        ports.news().follow(ticker);
        // Read once, here, off the loop (a provider may be slow to answer), for the signals and the risk figures both.
        int riskDays = settings.risk().historyDays() + 1;
        List<Bar> daily = ports.market().history(ticker, MarketDataFeed.DAILY, Math.max(MarketMonitor.DAILY_HISTORY, riskDays));
        monitor.watch(ticker, daily);
        // The feed calls this on its own thread: it only enqueues, the loop does the rest.
        MarketDataFeed.Subscription subscription = ports.market().subscribe(ticker, tick -> loop.submit(() -> onTick(tick)), bar -> { });
        if (watched.putIfAbsent(ticker, subscription) != null) {
            subscription.close();   // another session's open was first
            return;
        }
        List<Bar> riskHistory = daily.subList(Math.max(0, daily.size() - riskDays), daily.size());
        String sector = ports.fundamentals().fundamentals(ticker).map(Fundamentals::sector).orElse(Portfolio.UNKNOWN_SECTOR);
        loop.run(() -> {
            dailyHistory.remember(ticker, riskHistory, sector);
            snapshotStale = true;
        });
    }

    private void onTick(Tick tick) {
        lastPrices.put(tick.ticker(), Price.ofMicros(tick.lastMicros()));
        if (staleFeeds.updated(tick.ticker(), ports.userClock().now())) pricesReturned(tick.ticker());
        positions.onTick(tick);
        if (!triggeredExits.isEmpty()) {
            List<ExitTriggered> exits = List.copyOf(triggeredExits);
            triggeredExits.clear();
            for (ExitTriggered exit : exits) execution.exit(exit);
        }
        for (DeskSession session : sessions.values()) {
            if (session.watches(tick.ticker())) positionsChanged(session.id());
        }
    }

    private void onMarketEvent(MarketEvent event) {
        if (event instanceof MarketEvent.NewsArrived news) sentiment.add(news.item());
        for (DeskSession session : sessions.values()) {
            if (session.watches(event.ticker())) session.onMarketEvent(event);
        }
    }

    private void onTimer() {
        for (DeskSession session : sessions.values()) {
            session.onTimer();
            checkDailyLoss(session);
            journalMovedWaterMarks(session);
        }
        execution.expireConfirmations();
        rollDailyHistoryOnANewDay();
        for (StaleFeeds.Silence silence : staleFeeds.newlyStale(ports.userClock().now(), clock().now())) feedWentSilent(silence);
        long now = System.nanoTime();
        if (now - lastReconciliation >= RECONCILE_EVERY_NANOS) {
            lastReconciliation = now;
            reconcile();
        }
        // Prices move P&L on every tick; the snapshot follows them at the timer's pace, not the feed's.
        snapshotStale = true;
    }

    /**
     * On the first timer of a new trading day, reads again the daily bars of every watched ticker, so
     * that the VaR window, the correlations and the ATRs move on with the days instead of resting on
     * the history read when the ticker was first watched. The reads run off the loop, on a thread of
     * their own: a slow provider delays only the new figures.
     */
    private void rollDailyHistoryOnANewDay() {
        LocalDate today = ports.calendar().tradingDate(clock().now());
        if (historyDay == null || !today.isAfter(historyDay)) {
            if (historyDay == null) historyDay = today;
            return;
        }
        historyDay = today;
        List<Ticker> tickers = List.copyOf(watched.keySet());
        int days = settings.risk().historyDays() + 1;
        Thread.ofVirtual().name("daily-history-" + today).start(() -> {
            for (Ticker ticker : tickers) {
                try {
                    List<Bar> daily = ports.market().history(ticker, MarketDataFeed.DAILY, days);
                    loop.submit(() -> {
                        dailyHistory.remember(ticker, daily, dailyHistory.sectors().get(ticker));
                        snapshotStale = true;
                    });
                } catch (RuntimeException failed) {
                    reportProblem(null, "the daily history of " + ticker + " could not be read again for " + today + ": " + failed.getMessage());
                }
            }
        });
    }

    private void publishSnapshotIfStale() {
        if (!snapshotStale) return;
        snapshotStale = false;
        Map<SessionId, SessionSnapshot> parts = new HashMap<>();
        for (DeskSession session : sessions.values()) {
            SessionId id = session.id();
            Map<Ticker, Long> working = new HashMap<>();
            List<Position> held = positions.positions(id);
            for (Position position : held) {
                long quantity = risk.workingQuantity(id, position.ticker());
                if (quantity != 0) working.put(position.ticker(), quantity);
            }
            for (Ticker watched : session.watchlist()) {
                long workingInTicker = risk.workingQuantity(id, watched);
                if (workingInTicker != 0) working.put(watched, workingInTicker);
            }
            parts.put(id, new SessionSnapshot(id, session.ticker(), session.config(), risk.state(id), risk.stateReason(id).orElse(""), held,
                    positions.pnl(id), risk.tradesToday(id), working, journalSeqs.getOrDefault(id, 0L)));
        }
        Portfolio whole = portfolio();
        RiskModel model = dailyHistory.model();
        snapshot = new DeskSnapshot(++snapshotVersion, clock().now(), whole.equity(), account.buyingPower(), lastPrices, parts, whole,
                RiskReport.measure(whole, model, settings.risk()), model);
    }

    /**
     * A trailing stop follows the price between fills; its water mark is journaled here, off the
     * tick path, whenever it has moved, so that a restart re-arms the stop where it had got to.
     */
    private void journalMovedWaterMarks(DeskSession session) {
        for (Position position : positions.positions(session.id())) {
            if (position.protection().trailingStopPct() == null || position.waterMark() == null) continue;
            Price journaled = journaledWaterMarks.get(new PositionKey(session.id(), position.ticker()));
            if (position.waterMark().equals(journaled)) continue;
            journal(session.id(), ExecutionEngine.positionChanged(position.ticker(), position));
        }
    }

    /** Remembers the water mark of every PositionChanged the desk journals, to know when a trailing stop has moved since. */
    void noteJournaledWaterMark(SessionId session, Ticker ticker, Price waterMark) {
        PositionKey key = new PositionKey(session, ticker);
        if (waterMark == null) journaledWaterMarks.remove(key);
        else journaledWaterMarks.put(key, waterMark);
    }

    private void checkDailyLoss(DeskSession session) {
        if (session.state() != SessionState.AUTO_TRADING) return;
        Money daily = positions.pnl(session.id()).daily();
        if (!daily.isNegative()) return;
        BigDecimal lossPct = daily.negated().percentOf(markedEquity().minus(daily), 2);
        if (lossPct.compareTo(session.config().maxDailyLossPct()) >= 0) {
            session.stopForMaxLoss("today's loss is " + lossPct + "% of equity, the limit is " + session.config().maxDailyLossPct() + "%");
        }
    }

    private void guard(AgentMessage draft) {
        DeskSession session = sessions.get(draft.sessionId());
        if (session != null) session.checkVote(draft);
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        timer.shutdownNow();
        for (MarketDataFeed.Subscription subscription : watched.values()) subscription.close();
        monitor.close();
        for (DeskSession session : sessions.values()) session.close();
        loop.close();
        brokerCalls.close();
        bus.close();
        agentWorkers.close();
    }
}
