package io.quorum.engine.desk;

import io.quorum.engine.agent.Agent;
import io.quorum.engine.agent.SentimentScorer;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.MarketEvent;
import io.quorum.engine.market.signal.MarketMonitor;
import io.quorum.engine.market.signal.MonitorSettings;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.position.ExitTriggered;
import io.quorum.engine.position.PnlSummary;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.PositionManager;
import io.quorum.engine.position.Protection;
import io.quorum.engine.position.ProtectionEdit;
import io.quorum.engine.risk.PreTradeCheck;
import io.quorum.engine.risk.PreTradeContext;
import io.quorum.engine.risk.PreTradeResult;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.TradingSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The trading desk in one process: sessions with their agents, the bus they talk on, the market
 * monitor that feeds them, the position manager that guards open positions on every tick, and the
 * trade executor between decisions and the broker. Everything outside is a port (see
 * {@link DeskPorts}), so the same desk runs on a simulated market or a real one.
 *
 * <p>The position manager has one writer at a time: ticks, fills and edits take the same lock,
 * and exits it triggers are carried out after the lock is released.
 */
public final class Desk implements AutoCloseable {
    private final DeskPorts ports;
    private final DeskSettings settings;
    private final Map<SessionId, DeskSession> sessions = new ConcurrentHashMap<>();
    private final MessageBus bus;
    private final Object positionsLock = new Object();
    private final PositionManager positions;
    private final List<ExitTriggered> triggeredExits = new ArrayList<>();
    private final SentimentScorer sentiment;
    private final MarketMonitor monitor;
    private final TradeExecutor executor;
    private final Map<Ticker, MarketDataFeed.Subscription> watched = new ConcurrentHashMap<>();
    private final List<DeskListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicReference<String> journalFault = new java.util.concurrent.atomic.AtomicReference<>();
    private final Map<SessionId, Long> recoveredBusSeqs = new ConcurrentHashMap<>();
    private final Map<String, Price> journaledWaterMarks = new ConcurrentHashMap<>();
    private final java.util.Set<Ticker> suspectedMismatches = ConcurrentHashMap.newKeySet();
    private long lastReconciliation;

    /** How often (wall time) the desk compares its positions with the broker's. */
    private static final long RECONCILE_EVERY_NANOS = java.time.Duration.ofSeconds(5).toNanos();

    public Desk(DeskPorts ports, DeskSettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.bus = ports.busFactory().apply(BusSettings.defaults()
                .withJournal(message -> journal(message.sessionId(), new JournalEvent.MessageJournaled(message)))
                .withGuard(this::guard)
                .withLastSeqOf(session -> recoveredBusSeqs.getOrDefault(session, 0L))
                .withOverflowListener((subscriber, dropped, policy) -> reportProblem(subscriber.session(),
                        "mailbox of " + subscriber + " is full; message " + dropped.seq() + " " + policy))
                .withErrorListener((subscriber, message, error) -> reportProblem(subscriber.session(),
                        subscriber + " failed on message " + message.seq() + ": " + error)));
        this.positions = new PositionManager(ports.calendar()::tradingDate, triggeredExits::add);
        this.sentiment = new SentimentScorer(settings.sentimentHalfLife());
        this.executor = new TradeExecutor(this);
        ports.broker().onOrderEvent(event -> {
            if (event instanceof OrderEvent.PartiallyFilled partiallyFilled) executor.onFill(partiallyFilled.fill());
            if (event instanceof OrderEvent.Filled filled) executor.onFill(filled.fill());
        });
        this.monitor = new MarketMonitor(ports.market(), ports.news(), MonitorSettings.defaults(), ports.calendar());
        monitor.addListener(this::onMarketEvent);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("desk-timer").factory());
        long period = settings.timerPeriod().toMillis();
        timer.scheduleAtFixedRate(this::onTimer, period, period, TimeUnit.MILLISECONDS);
    }

    // ---- sessions ------------------------------------------------------------------------------

    /** Opens a session on {@code ticker} and starts its analysis. */
    public DeskSession open(Ticker ticker, String actor) {
        if (!ports.market().tickers().contains(ticker)) {
            throw new IllegalArgumentException("no market data for " + ticker + "; this market has " + ports.market().tickers());
        }
        DeskSession session = new DeskSession(this, new TradingSession(SessionId.random(), ticker, settings.defaultConfig(), clock()));
        sessions.put(session.id(), session);
        journal(session.id(), new JournalEvent.SessionOpened(ticker));
        journal(session.id(), new JournalEvent.ConfigChanged(ConfigFields.of(session.config())));
        watch(ticker);
        for (DeskListener listener : listeners) listener.sessionOpened(session);
        session.startAnalysis(actor);
        return session;
    }

    /**
     * Rebuilds every journaled session, with positions and stops, before the market is watched, then
     * reconciles with the broker. Call once, before the first tick.
     */
    public List<DeskSession> recover() {
        List<DeskSession> restored = new DeskRecovery(this).recover();
        for (DeskSession session : restored) {
            if (session.state() != SessionState.STOPPED) watch(session.ticker());
        }
        reconcile();
        return restored;
    }

    /**
     * Compares the desk's positions with the broker's, ticker by ticker. A difference is never
     * explained away as "flat": it is announced, and the sessions trading that ticker may only
     * reduce risk until the two agree again (the periodic check lifts the halt by itself). A
     * difference must be seen twice in a row, so that a fill in flight is not taken for one.
     */
    public void reconcile() {
        Map<Ticker, Long> deskQuantities = new java.util.HashMap<>();
        for (DeskSession session : sessions.values()) {
            for (Position position : positions(session.id())) deskQuantities.merge(position.ticker(), position.signedQuantity(), Long::sum);
        }
        Map<Ticker, Long> brokerQuantities = new java.util.HashMap<>();
        for (io.quorum.engine.order.BrokerPosition position : ports.broker().positions()) brokerQuantities.merge(position.ticker(), position.quantity(), Long::sum);
        java.util.Set<Ticker> tickers = new java.util.HashSet<>(deskQuantities.keySet());
        tickers.addAll(brokerQuantities.keySet());
        java.util.Set<Ticker> differing = new java.util.HashSet<>();
        for (Ticker ticker : tickers) {
            long ours = deskQuantities.getOrDefault(ticker, 0L);
            long theirs = brokerQuantities.getOrDefault(ticker, 0L);
            if (ours != theirs) differing.add(ticker);
        }
        for (DeskSession session : sessions.values()) {
            boolean differs = differing.contains(session.ticker());
            boolean suspected = suspectedMismatches.contains(session.ticker());
            if (differs && suspected && executor.haltReason(session.id()).isEmpty()) {
                long ours = deskQuantities.getOrDefault(session.ticker(), 0L);
                long theirs = brokerQuantities.getOrDefault(session.ticker(), 0L);
                String why = "the desk holds " + ours + " " + session.ticker() + " but the broker reports " + theirs;
                executor.haltNewExposure(session.id(), why);
                session.say(io.quorum.engine.message.AgentRole.RISK, new io.quorum.engine.message.Alert(io.quorum.engine.message.Alert.AlertKind.RECONCILIATION_MISMATCH,
                        io.quorum.engine.message.Alert.Severity.CRITICAL, session.ticker(), "Positions disagree: " + why + ". Only risk-reducing orders until they match."));
            } else if (!differs && executor.haltReason(session.id()).isPresent()) {
                executor.resumeNewExposure(session.id());
                session.say(io.quorum.engine.message.AgentRole.RISK, new io.quorum.engine.message.Alert(io.quorum.engine.message.Alert.AlertKind.RECONCILIATION_MISMATCH,
                        io.quorum.engine.message.Alert.Severity.INFO, session.ticker(), "Positions agree with the broker again; new trades are allowed."));
            }
        }
        suspectedMismatches.clear();
        suspectedMismatches.addAll(differing);
    }

    public Optional<String> haltReason(SessionId session) { return executor.haltReason(session); }

    public Optional<DeskSession> session(SessionId id) { return Optional.ofNullable(sessions.get(id)); }

    public Collection<DeskSession> sessions() { return List.copyOf(sessions.values()); }

    public void addListener(DeskListener listener) { listeners.add(listener); }

    // ---- positions and P&L ---------------------------------------------------------------------

    public List<Position> positions(SessionId session) {
        synchronized (positionsLock) { return positions.positions(session); }
    }

    public Optional<Position> position(SessionId session, Ticker ticker) {
        synchronized (positionsLock) { return positions.position(session, ticker); }
    }

    public PnlSummary pnl(SessionId session) {
        synchronized (positionsLock) { return positions.pnl(session); }
    }

    /** Edits a position's stop, target and trailing stop; null when applied, else the reason it was refused. */
    public String protect(SessionId session, Ticker ticker, Protection protection) {
        ProtectionEdit edit;
        synchronized (positionsLock) { edit = positions.protect(session, ticker, protection); }
        return switch (edit) {
            case ProtectionEdit.Applied applied -> {
                positionsChanged(session);
                yield null;
            }
            case ProtectionEdit.Refused refused -> refused.reason();
        };
    }

    public Money equity() { return ports.broker().account().equity(); }

    public Optional<Price> lastPrice(Ticker ticker) {
        return ports.market().lastTick(ticker).map(tick -> Price.ofMicros(tick.lastMicros()));
    }

    public List<PendingConfirmation> confirmations(SessionId session) { return executor.confirmations(session); }

    public boolean confirm(SessionId session, String confirmationId, boolean approve, String actor) {
        DeskSession deskSession = sessions.get(session);
        return deskSession != null && executor.confirm(deskSession, confirmationId, approve, actor);
    }

    // ---- what the desk's parts use -------------------------------------------------------------

    public MessageBus bus() { return bus; }

    public Clock clock() { return ports.clock(); }

    public DeskPorts ports() { return ports; }

    public DeskSettings settings() { return settings; }

    SentimentScorer sentiment() { return sentiment; }

    TradeExecutor executor() { return executor; }

    /**
     * Appends to the journal. If the journal fails, nothing that needed the entry goes ahead (a
     * message is not delivered, an order is not sent); the fault is reported once and shown by
     * {@link #journalFault()} until an append succeeds again, which is how the desk recovers by itself.
     */
    void journal(SessionId session, JournalEvent event) {
        journaling(() -> ports.journal().append(session, event));
        if (event instanceof JournalEvent.PositionChanged changed) noteJournaledWaterMark(session, changed.ticker(), changed.waterMark());
    }

    void journalDurably(SessionId session, JournalEvent event) {
        journaling(() -> ports.journal().appendDurably(session, event));
    }

    private void journaling(Runnable append) {
        try {
            append.run();
        } catch (RuntimeException e) {
            String fault = "the journal cannot be written: " + e.getMessage();
            if (journalFault.getAndSet(fault) == null) reportProblem(null, fault + "; nothing is traded until it works again");
            throw e;
        }
        if (journalFault.get() != null && journalFault.getAndSet(null) != null) reportProblem(null, "the journal works again; the desk resumes");
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
        synchronized (positionsLock) { positions.onFill(session, fill); }
    }

    void rearmProtection(SessionId session, Ticker ticker, Protection protection, Price waterMark) {
        ProtectionEdit edit;
        synchronized (positionsLock) {
            edit = positions.protect(session, ticker, protection);
            if (waterMark != null) positions.restoreWaterMark(session, ticker, waterMark);
        }
        if (edit instanceof ProtectionEdit.Refused refused) {
            reportProblem(session, "stops of " + ticker + " could not be re-armed after the restart: " + refused.reason());
        }
    }

    Position applyFill(SessionId session, Fill fill, Protection protection) {
        synchronized (positionsLock) {
            positions.onFill(session, fill);
            Optional<Position> position = positions.position(session, fill.ticker());
            if (position.isPresent() && protection != null && fill.signedQuantity() * position.get().signedQuantity() > 0) {
                positions.protect(session, fill.ticker(), protection);
                position = positions.position(session, fill.ticker());
            }
            return position.orElse(null);
        }
    }

    void rearm(SessionId session, Ticker ticker) {
        synchronized (positionsLock) { positions.rearm(session, ticker); }
    }

    PreTradeResult check(DeskSession session, Map<SessionId, PreTradeCheck> checks, OrderRequest order, PreTradeContext context) {
        return checks.computeIfAbsent(session.id(), id -> executor.newCheck(session)).check(order, context);
    }

    void positionsChanged(SessionId session) {
        for (DeskListener listener : listeners) listener.positionsChanged(session);
    }

    void reportProblem(SessionId session, String problem) {
        for (DeskListener listener : listeners) listener.problem(session, problem);
    }

    void reportAgentFailure(Agent agent, Throwable error) {
        reportProblem(null, agent.role().displayName() + " agent failed: " + error);
    }

    // ---- the market ----------------------------------------------------------------------------

    private void watch(Ticker ticker) {
        watched.computeIfAbsent(ticker, t -> {
            monitor.watch(t);
            return ports.market().subscribe(t, this::onTick, bar -> { });
        });
    }

    private void onTick(Tick tick) {
        List<ExitTriggered> exits;
        synchronized (positionsLock) {
            positions.onTick(tick);
            if (triggeredExits.isEmpty()) exits = List.of();
            else {
                exits = List.copyOf(triggeredExits);
                triggeredExits.clear();
            }
        }
        for (ExitTriggered exit : exits) executor.exit(exit);
        for (DeskSession session : sessions.values()) {
            if (session.ticker().equals(tick.ticker())) positionsChanged(session.id());
        }
    }

    private void onMarketEvent(MarketEvent event) {
        if (event instanceof MarketEvent.PriceUpdate) return;
        if (event instanceof MarketEvent.NewsArrived news) sentiment.add(news.item());
        for (DeskSession session : sessions.values()) {
            if (session.ticker().equals(event.ticker())) session.onMarketEvent(event);
        }
    }

    private void onTimer() {
        try {
            for (DeskSession session : sessions.values()) {
                session.onTimer();
                checkDailyLoss(session);
                journalMovedWaterMarks(session);
            }
            executor.expireConfirmations();
            long now = System.nanoTime();
            if (now - lastReconciliation >= RECONCILE_EVERY_NANOS) {
                lastReconciliation = now;
                reconcile();
            }
        } catch (RuntimeException e) {
            reportProblem(null, "desk timer: " + e);
        }
    }

    /**
     * A trailing stop follows the price between fills; its water mark is journaled here, off the
     * tick path, whenever it has moved, so that a restart re-arms the stop where it had got to.
     */
    private void journalMovedWaterMarks(DeskSession session) {
        for (Position position : positions(session.id())) {
            if (position.protection().trailingStopPct() == null || position.waterMark() == null) continue;
            Price journaled = journaledWaterMarks.get(session.id() + "/" + position.ticker());
            if (position.waterMark().equals(journaled)) continue;
            journal(session.id(), TradeExecutor.positionChanged(position.ticker(), position));
        }
    }

    /** Remembers the water mark of every PositionChanged the desk journals, to know when a trailing stop has moved since. */
    void noteJournaledWaterMark(SessionId session, Ticker ticker, Price waterMark) {
        String key = session + "/" + ticker;
        if (waterMark == null) journaledWaterMarks.remove(key);
        else journaledWaterMarks.put(key, waterMark);
    }

    private void checkDailyLoss(DeskSession session) {
        if (session.state() != SessionState.AUTO_TRADING) return;
        Money daily = pnl(session.id()).daily();
        if (!daily.isNegative()) return;
        BigDecimal lossPct = daily.negated().percentOf(equity().minus(daily), 2);
        if (lossPct.compareTo(session.config().maxDailyLossPct()) >= 0) {
            session.stopForMaxLoss("today's loss is " + lossPct + "% of equity, the limit is " + session.config().maxDailyLossPct() + "%");
        }
    }

    private void guard(AgentMessage draft) {
        DeskSession session = sessions.get(draft.sessionId());
        if (session != null) session.checkVote(draft);
    }

    @Override public void close() {
        timer.shutdownNow();
        for (MarketDataFeed.Subscription subscription : watched.values()) subscription.close();
        monitor.close();
        for (DeskSession session : sessions.values()) session.close();
        bus.close();
    }
}
