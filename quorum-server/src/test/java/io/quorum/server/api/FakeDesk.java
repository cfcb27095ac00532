package io.quorum.server.api;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.order.Side;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * An in-memory desk that behaves like the real one at the seam: sessions move through their
 * states and refuse illegal transitions, every change is journaled as a stream event with the
 * next seq before listeners hear of it, and refused calls change nothing.
 */
public final class FakeDesk implements DeskOperations {
    public static final String DISCLOSURE_VERSION = "1";
    /** What the fake account started with. */
    public static final BigDecimal CAPITAL = new BigDecimal("100000.00");
    public static final AutoTradingConfigView DEFAULT_CONFIG = new AutoTradingConfigView("25", "5", 10, "09:30", "16:00",
            "America/New_York", "10000", 30, 3, null, true);

    private final ManualClock clock;
    private final Map<SessionId, SessionState> sessions = new LinkedHashMap<>();
    private final Map<SessionId, List<StreamListener>> listeners = new LinkedHashMap<>();
    private volatile Health health = new Health(new Health.Component(true, "sqlite"), new Health.Component(true, "in-process"),
            new Health.Component(true, "simulated"));
    private final List<TradeFill> fills = new ArrayList<>();
    private int nextSession = 1;

    public FakeDesk(ManualClock clock) {
        this.clock = clock;
    }

    /** Everything a client could change; equal snapshots mean nothing changed. */
    public record Snapshot(List<SessionView> sessions, Map<String, List<PositionView>> positions, Map<String, Integer> journalSizes,
                           Map<String, List<ConfirmationView>> confirmations) {}

    private static final class SessionState {
        final SessionId id;
        final Ticker ticker;
        final List<Ticker> watchlist = new ArrayList<>();
        String state = "PROPOSAL";
        String stopReason;
        boolean autoTrading;
        AutoTradingConfigView config = DEFAULT_CONFIG;
        final Map<String, PositionView> positions = new TreeMap<>();
        final Map<String, ConfirmationView> confirmations = new LinkedHashMap<>();
        final List<StreamEvent> journal = new ArrayList<>();
        final List<DecisionEntry> decisions = new ArrayList<>();
        final List<AgentMessageView> messages = new ArrayList<>();
        final List<AlertView> alerts = new ArrayList<>();

        SessionState(SessionId id, Ticker ticker) {
            this.id = id;
            this.ticker = ticker;
            watchlist.add(ticker);
        }

        long lastSeq() { return journal.isEmpty() ? 0 : journal.getLast().seq(); }
    }

    // ---- scenario helpers for tests ----------------------------------------------------------

    public synchronized Snapshot snapshot() {
        Map<String, List<PositionView>> positions = new TreeMap<>();
        Map<String, Integer> journals = new TreeMap<>();
        Map<String, List<ConfirmationView>> confirmations = new TreeMap<>();
        for (SessionState s : sessions.values()) {
            positions.put(s.id.value(), List.copyOf(s.positions.values()));
            journals.put(s.id.value(), s.journal.size());
            confirmations.put(s.id.value(), List.copyOf(s.confirmations.values()));
        }
        return new Snapshot(sessions(), positions, journals, confirmations);
    }

    public synchronized void openPosition(SessionId id, String ticker, long quantity, String price) {
        SessionState s = find(id);
        s.positions.put(ticker, new PositionView(ticker, Direction.LONG, quantity, price, price, null, null, null, clock.now(),
                "0.00", "0.00", "0.00"));
        journal(s, StreamEventType.POSITION, s.positions.get(ticker));
    }

    public synchronized void awaitConfirmation(SessionId id, String confirmationId, long quantity, String notional) {
        SessionState s = find(id);
        s.confirmations.put(confirmationId, new ConfirmationView(confirmationId, "p-" + confirmationId, s.ticker.symbol(), Side.BUY,
                quantity, notional, clock.now().plusSeconds(60), "PENDING"));
    }

    /** An agent speaks: journaled as a message and as an {@code agent_message} event. */
    public synchronized StreamEvent say(SessionId id, AgentRole sender, String text) {
        SessionState s = find(id);
        return journal(s, StreamEventType.AGENT_MESSAGE, message(s, sender, MessageType.UPDATE, Map.of("text", text)));
    }

    /** The next journaled message of the session, as the stream and {@code GET .../messages} show it. */
    private AgentMessageView message(SessionState s, AgentRole sender, MessageType type, Map<String, Object> content) {
        long seq = s.lastSeq() + 1;
        AgentMessageView message = new AgentMessageView("m-" + seq, seq, sender, AgentMessageView.RecipientsView.ALL, type, content, clock.now(),
                null, false, Duration.ofSeconds(30));
        s.messages.add(message);
        return message;
    }

    private AgentMessageView trade(SessionState s, String clientOrderId, String ticker, long quantity, String price, String reason) {
        Map<String, Object> execution = Map.of("clientOrderId", clientOrderId, "ticker", ticker, "side", "SELL", "quantity", quantity,
                "price", price == null ? "1.00" : price, "reason", reason);
        return message(s, AgentRole.EXECUTION, MessageType.UPDATE, Map.of("kind", "TRADE_EXECUTED", "ticker", ticker, "execution", execution,
                "text", "Sold " + quantity + " " + ticker + " (" + reason + ")."));
    }

    /** An execution of the desk, for the trade history. */
    public synchronized void filled(TradeFill fill) {
        find(fill.session());
        fills.add(fill);
    }

    @Override public synchronized List<ClosedTrade> trades(SessionId id) {
        find(id);
        return TradeBook.closedTrades(fills.stream().filter(f -> f.session().equals(id)).toList());
    }

    @Override public synchronized List<ClosedTrade> accountTrades() { return TradeBook.closedTrades(fills); }

    @Override public synchronized Performance performance(SessionId id) { return PerformanceReport.of(trades(id), CAPITAL, ExchangeCalendar.NYSE); }

    @Override public synchronized Performance accountPerformance() { return PerformanceReport.of(accountTrades(), CAPITAL, ExchangeCalendar.NYSE); }

    public synchronized void decide(SessionId id, Outcome outcome) {
        SessionState s = find(id);
        long seq = s.lastSeq() + 1;
        DecisionEntry entry = new DecisionEntry(seq, clock.now(), "p-" + seq, s.ticker.symbol(), TradeAction.OPEN_LONG, outcome,
                new DecisionEntry.TallyView(3, 1, 1, outcome == Outcome.VETOED, 3, 5),
                List.of(new DecisionEntry.VoteView(AgentRole.RISK, VoteChoice.APPROVE, "within limits", true)), proposal(s.ticker),
                "Decision: " + outcome, List.of());
        s.decisions.add(entry);
        journal(s, StreamEventType.DECISION, message(s, AgentRole.ORCHESTRATOR, MessageType.DECISION,
                Map.of("proposalId", entry.proposalId(), "outcome", outcome.name(), "text", entry.text())));
    }

    /** A portfolio update that is not journaled, as the position manager sends on every tick. */
    public void tick(SessionId id, String equity) {
        StreamEvent event;
        List<StreamListener> targets;
        synchronized (this) {
            SessionState s = find(id);
            event = new StreamEvent(StreamEventType.POSITION_UPDATE, s.lastSeq(), id.value(), clock.now(),
                    new PortfolioView(List.copyOf(s.positions.values()), "0.00", "0.00", "0.00", "0.00", equity, equity));
            targets = List.copyOf(listeners.getOrDefault(id, List.of()));
        }
        targets.forEach(listener -> listener.onEvent(event));
    }

    public void health(Health newHealth) { this.health = newHealth; }

    public synchronized int listenerCount(SessionId id) { return listeners.getOrDefault(id, List.of()).size(); }

    // ---- DeskOperations -----------------------------------------------------------------------

    @Override public synchronized SessionView createSession(Ticker ticker, Actor actor) {
        SessionId id = SessionId.of("s" + nextSession++);
        SessionState s = new SessionState(id, ticker);
        sessions.put(id, s);
        journal(s, StreamEventType.STATUS, view(s));
        return view(s);
    }

    @Override public synchronized List<SessionView> sessions() {
        return sessions.values().stream().map(this::view).toList();
    }

    @Override public synchronized SessionView session(SessionId id) { return view(find(id)); }

    @Override public synchronized SessionView approve(SessionId id, ProposalId proposal, Actor actor) {
        SessionState s = find(id);
        requireState(s, "PROPOSAL", "approve");
        requireCard(proposal);
        s.state = "AUTO_TRADING";
        return changed(s);
    }

    @Override public synchronized SessionView reject(SessionId id, ProposalId proposal, String reason, Actor actor) {
        SessionState s = find(id);
        requireState(s, "PROPOSAL", "reject");
        requireCard(proposal);
        s.state = "RE_ANALYZING";
        return changed(s);
    }

    @Override public synchronized SessionView stop(SessionId id, Actor actor) {
        SessionState s = find(id);
        if (s.state.equals("STOPPED")) throw new DeskException.Conflict("session " + id + " is already STOPPED");
        s.state = "STOPPED";
        s.stopReason = "user";
        s.autoTrading = false;
        return changed(s);
    }

    @Override public synchronized void archive(SessionId id, Actor actor) {
        SessionState s = find(id);
        if (!s.state.equals("STOPPED")) throw new DeskException.Conflict("session " + id + " cannot be archived: only a stopped session can be archived; stop it first");
        sessions.remove(id);
    }

    @Override public synchronized AutoTradingConfigView config(SessionId id) { return find(id).config; }

    @Override public synchronized AutoTradingConfigView updateConfig(SessionId id, AutoTradingConfigView config, Actor actor) {
        SessionState s = find(id);
        List<FieldError> errors = new ArrayList<>();
        percent(errors, "maxPositionPct", config.maxPositionPct());
        percent(errors, "maxDailyLossPct", config.maxDailyLossPct());
        if (config.maxTradesPerDay() < 1 || config.maxTradesPerDay() > 1000) errors.add(new FieldError("maxTradesPerDay", "must be 1-1000"));
        if (config.quorum() < 1 || config.quorum() > 5) errors.add(new FieldError("quorum", "must be 1-5"));
        if (config.decisionTimeoutSeconds() < 1 || config.decisionTimeoutSeconds() > 600) errors.add(new FieldError("decisionTimeoutSeconds", "must be 1-600"));
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
        s.config = config;
        changed(s);
        return config;
    }

    @Override public RiskDisclosure riskDisclosure() {
        return new RiskDisclosure(DISCLOSURE_VERSION, "Automated trading can lose money quickly.");
    }

    @Override public synchronized SessionView enableAutoTrading(SessionId id, String acceptedDisclosureVersion, Actor actor) {
        SessionState s = find(id);
        if (!DISCLOSURE_VERSION.equals(acceptedDisclosureVersion)) {
            throw DeskException.Invalid.of("acceptedDisclosureVersion", "accept risk disclosure version " + DISCLOSURE_VERSION);
        }
        if (s.state.equals("STOPPED")) throw new DeskException.Conflict("session " + id + " is STOPPED");
        s.autoTrading = true;
        return changed(s);
    }

    @Override public synchronized SessionView disableAutoTrading(SessionId id, Actor actor) {
        SessionState s = find(id);
        s.autoTrading = false;
        return changed(s);
    }

    @Override public synchronized PortfolioView flatten(SessionId id, Actor actor) {
        SessionState s = find(id);
        if (!s.positions.isEmpty()) {
            s.positions.clear();
            journal(s, StreamEventType.TRADE_EXECUTED, trade(s, "flatten-" + s.lastSeq(), s.ticker.symbol(), 1, "1.00", "flatten"));
        }
        return portfolio(s);
    }

    @Override public synchronized PortfolioView positions(SessionId id) { return portfolio(find(id)); }

    /** Every session's positions on the fake's all-cash account: the web client's portfolio flows, not the engine's figures. */
    @Override public synchronized AccountPortfolioView accountPortfolio() {
        List<AccountPortfolioView.HeldPosition> held = new ArrayList<>();
        for (Map.Entry<SessionId, SessionState> entry : sessions.entrySet()) {
            for (PositionView position : entry.getValue().positions.values()) held.add(new AccountPortfolioView.HeldPosition(entry.getKey().value(), "Unknown", "0.00", position));
        }
        return new AccountPortfolioView("100000.00", "100000.00", "0.00", "0.00", "0.00", "0.00", held, List.of(), List.of());
    }

    /** A desk without history: no VaR yet, no stress results. */
    @Override public synchronized RiskView risk() {
        return new RiskView("100000.00", 0, List.of(), List.of(), new RiskView.Correlation(List.of(), List.of(), List.of(), List.of()), List.of(),
                new RiskView.Limits("200", "100", "60", "5", "25"));
    }

    /** A desk on its rules alone. */
    @Override public synchronized ReasoningView reasoning() {
        List<ReasoningView.RoleReasoning> roles = new ArrayList<>();
        for (String role : List.of("TECHNICAL", "FUNDAMENTAL", "SENTIMENT", "RISK", "EXECUTION")) {
            roles.add(new ReasoningView.RoleReasoning(role, null, "RULES", "no model is configured", false, 0, "0"));
        }
        return new ReasoningView("none", null, null, roles);
    }

    /** The desk's refusals as the engine words them; a ticker whose symbol starts with ZZ is one the feed does not know. */
    @Override public synchronized SessionView watch(SessionId id, Ticker ticker, Actor actor) {
        SessionState s = find(id);
        if (ticker.symbol().startsWith("ZZ")) throw DeskException.Invalid.of("ticker", "the market data feed does not know " + ticker);
        if (s.watchlist.contains(ticker)) throw new DeskException.Conflict(ticker + " is already on the watchlist");
        s.watchlist.add(ticker);
        journal(s, StreamEventType.STATUS, view(s));
        return view(s);
    }

    @Override public synchronized SessionView unwatch(SessionId id, Ticker ticker, Actor actor) {
        SessionState s = find(id);
        if (ticker.equals(s.ticker)) throw new DeskException.Conflict(ticker + " is the session's own ticker, which it watches for as long as it runs");
        if (!s.watchlist.contains(ticker)) throw new DeskException.Conflict(ticker + " is not on the watchlist");
        if (s.positions.containsKey(ticker.symbol())) {
            throw new DeskException.Conflict("the session holds " + s.positions.get(ticker.symbol()).quantity() + " shares of " + ticker
                    + "; close the position before taking it off the watchlist");
        }
        s.watchlist.remove(ticker);
        journal(s, StreamEventType.STATUS, view(s));
        return view(s);
    }

    @Override public synchronized PortfolioView closePosition(SessionId id, Ticker ticker, Actor actor) {
        SessionState s = find(id);
        PositionView closed = s.positions.get(ticker.symbol());
        if (closed == null) throw new DeskException.NotFound("position", ticker);
        s.positions.remove(ticker.symbol());
        journal(s, StreamEventType.TRADE_EXECUTED, trade(s, "close-" + s.lastSeq(), ticker.symbol(), closed.quantity(), closed.currentPrice(), "user"));
        return portfolio(s);
    }

    @Override public synchronized PositionView editStops(SessionId id, Ticker ticker, StopsChange change, Actor actor) {
        SessionState s = find(id);
        PositionView p = s.positions.get(ticker.symbol());
        if (p == null) throw new DeskException.NotFound("position", ticker);
        if (change.stopLoss() != null && new BigDecimal(change.stopLoss()).compareTo(new BigDecimal(p.currentPrice())) >= 0) {
            throw DeskException.Invalid.of("stopLoss", "must be below the current price " + p.currentPrice() + " for a long");
        }
        PositionView edited = new PositionView(p.ticker(), p.direction(), p.quantity(), p.entryPrice(), p.currentPrice(), change.stopLoss(),
                change.takeProfit(), change.trailingStopPct(), p.openedAt(), p.unrealizedPnl(), p.unrealizedPnlPct(), p.realizedPnl());
        s.positions.put(ticker.symbol(), edited);
        journal(s, StreamEventType.POSITION, edited);
        return edited;
    }

    @Override public synchronized List<ConfirmationView> confirmations(SessionId id) {
        return List.copyOf(find(id).confirmations.values());
    }

    @Override public synchronized ConfirmationView confirm(SessionId id, String confirmationId, boolean approve, Actor actor) {
        SessionState s = find(id);
        ConfirmationView c = s.confirmations.get(confirmationId);
        if (c == null) throw new DeskException.NotFound("confirmation", confirmationId);
        if (!c.status().equals("PENDING")) throw new DeskException.Conflict("confirmation " + confirmationId + " is already " + c.status());
        ConfirmationView answered = new ConfirmationView(c.id(), c.proposalId(), c.ticker(), c.side(), c.quantity(), c.notional(), c.expiresAt(),
                approve ? "APPROVED" : "DENIED");
        s.confirmations.put(confirmationId, answered);
        return answered;
    }

    @Override public synchronized DecisionPage decisions(SessionId id, DecisionFilter filter, Paging paging) {
        List<DecisionEntry> matching = exportDecisions(id, filter).reversed();
        List<DecisionEntry> page = matching.stream().skip(paging.offset()).limit(paging.limit()).toList();
        return new DecisionPage(page, matching.size());
    }

    @Override public synchronized List<DecisionEntry> exportDecisions(SessionId id, DecisionFilter filter) {
        return find(id).decisions.stream()
                .filter(d -> filter.ticker() == null || d.ticker().equals(filter.ticker().symbol()))
                .filter(d -> filter.outcome() == null || d.outcome() == filter.outcome())
                .filter(d -> filter.from() == null || !d.time().isBefore(filter.from()))
                .filter(d -> filter.to() == null || d.time().isBefore(filter.to()))
                .toList();
    }

    @Override public synchronized MessagePage messages(SessionId id, long afterSeq, int limit, MessageFilter filter) {
        return new MessagePage(find(id).messages.stream()
                .filter(m -> m.seq() > afterSeq)
                .filter(m -> filter.sender() == null || m.sender() == filter.sender())
                .filter(m -> filter.type() == null || m.type() == filter.type())
                .limit(limit).toList());
    }

    @Override public synchronized List<AlertView> alerts(SessionId id) { return List.copyOf(find(id).alerts); }

    @Override public List<BarView> bars(Ticker ticker, BarInterval interval, int count) {
        Instant end = clock.now();
        List<BarView> bars = new ArrayList<>();
        for (int i = count; i > 0; i--) {
            long time = end.minus(interval.length().multipliedBy(i)).getEpochSecond();
            bars.add(new BarView(time, "100.00", "101.00", "99.50", "100.50", 1000));
        }
        return bars;
    }

    /** The fake market offers a few well-known tickers, matched by symbol prefix or name. */
    @Override public TickerSearchView searchTickers(String query, int max) {
        String text = query.toUpperCase(java.util.Locale.ROOT);
        return new TickerSearchView(Stream.of(
                        new TickerSearchView.Match("AAPL", "Apple Inc.", "NMS", "EQUITY"),
                        new TickerSearchView.Match("NVDA", "NVIDIA Corporation", "NMS", "EQUITY"),
                        new TickerSearchView.Match("ORCL", "Oracle Corporation", "NYQ", "EQUITY"))
                .filter(match -> match.symbol().startsWith(text) || match.name().toUpperCase(java.util.Locale.ROOT).contains(text))
                .limit(max).toList());
    }

    @Override public QuoteView quote(Ticker ticker) {
        return new QuoteView(ticker.symbol(), "100.50", "100.49", "100.51", clock.now());
    }

    @Override public synchronized List<StreamEvent> events(SessionId id, long afterSeq, int limit) {
        return find(id).journal.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
    }

    @Override public synchronized Subscription subscribe(SessionId id, StreamListener listener) {
        find(id);
        listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> {
            synchronized (FakeDesk.this) {
                listeners.getOrDefault(id, List.of()).remove(listener);
            }
        };
    }

    @Override public Health health() { return health; }

    /** Sends while auto-trading is on, as the desk's RiskEngine would; refuses in its words otherwise. */
    @Override public synchronized TicketReceipt placeOrder(SessionId id, OrderTicketView ticket, Actor actor) {
        SessionState s = find(id);
        if (!s.autoTrading) return TicketReceipt.refused("AUTO_TRADING_DISABLED", "Refused: auto-trading is switched off");
        return TicketReceipt.sent("m-" + s.id.value() + "-" + s.journal.size(), false);
    }

    @Override public BrokerAccountView brokerAccount() {
        return new BrokerAccountView("paper", "Paper broker", false, false, "PAPER", "100000.00", "200000.00", "100000.00", clock.now(), List.of());
    }

    @Override public BrokerAccountView confirmLiveAccount(String accountNumber, Actor actor) {
        throw new DeskException.Conflict("the paper account needs no confirmation: it trades no real money");
    }

    // ---- internals ----------------------------------------------------------------------------

    private SessionState find(SessionId id) {
        SessionState s = sessions.get(id);
        if (s == null) throw new DeskException.NotFound("session", id);
        return s;
    }

    private static void requireState(SessionState s, String expected, String operation) {
        if (!s.state.equals(expected)) throw new DeskException.Conflict("cannot " + operation + " session " + s.id + " in state " + s.state);
    }

    private static void percent(List<FieldError> errors, String field, String value) {
        BigDecimal pct = new BigDecimal(value);
        if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) errors.add(new FieldError(field, "must be more than 0 and at most 100"));
    }

    private SessionView changed(SessionState s) {
        journal(s, StreamEventType.STATUS, view(s));
        return view(s);
    }

    /** Journal first, then tell the listeners: the order the edge's gap-free resume relies on. */
    private StreamEvent journal(SessionState s, StreamEventType type, Object data) {
        StreamEvent event = new StreamEvent(type, s.lastSeq() + 1, s.id.value(), clock.now(), data);
        s.journal.add(event);
        for (StreamListener listener : listeners.getOrDefault(s.id, List.of())) listener.onEvent(event);
        return event;
    }

    private SessionView view(SessionState s) {
        return new SessionView(s.id.value(), s.ticker.symbol(), s.watchlist.stream().map(Ticker::symbol).toList(), s.state, s.stopReason, new SessionView.AutoTradingStatus(s.autoTrading),
                new SessionView.Trading(s.state.equals("STOPPED") ? "HALTED" : "ACTIVE", s.state.equals("STOPPED") ? "the session stopped" : null),
                s.state.equals("PROPOSAL") ? proposal(s.ticker) : null, s.config, 0, s.lastSeq(), SessionView.Models.NONE);
    }

    /** The id of the proposal every fake card shows. */
    public static final ProposalId CARD = ProposalId.parse("2f0c6c5e-1c1a-4c8e-9a51-6b1f3f1f2a10");

    private static void requireCard(ProposalId proposal) {
        if (!CARD.equals(proposal)) throw new DeskException.Conflict("proposal " + proposal + " is no longer the one to answer: the card now shows proposal " + CARD);
    }

    private static ProposalView proposal(Ticker ticker) {
        return new ProposalView(CARD.toString(), TradeAction.OPEN_LONG, ticker.symbol(), Direction.LONG,
                new ProposalView.SizeView(Size.Unit.SHARES, "120"), "178.50", "175.00", "190.00", null, "breakout on volume",
                "Technical: breakout above 178 on twice the usual volume", "21420.00");
    }

    private static PortfolioView portfolio(SessionState s) {
        return new PortfolioView(List.copyOf(s.positions.values()), "0.00", "0.00", "0.00", "0.00", "100000.00", "100000.00");
    }

    /** A market alert, journaled, for alert-centre flows. */
    public synchronized void alert(SessionId id, String text) {
        SessionState s = find(id);
        s.alerts.add(new AlertView(s.lastSeq() + 1, clock.now(), Alert.AlertKind.NEWS, Alert.Severity.INFO, s.ticker.symbol(), text));
        journal(s, StreamEventType.MARKET_ALERT, message(s, AgentRole.SENTIMENT, MessageType.ALERT,
                Map.of("kind", "NEWS", "severity", "INFO", "ticker", s.ticker.symbol(), "text", text)));
    }
}
