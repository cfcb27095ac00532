package io.quorum.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.adapters.json.MessageJson;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskListener;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.PendingConfirmation;
import io.quorum.engine.journal.DecisionLog;
import io.quorum.engine.journal.DecisionQuery;
import io.quorum.engine.journal.DecisionRecord;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.ObservableJournal;
import io.quorum.engine.journal.OrderTrail;
import io.quorum.engine.journal.RecordedVote;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Fill;
import io.quorum.engine.position.PnlSummary;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.session.Transition;
import io.quorum.server.api.Actor;
import io.quorum.server.api.AgentMessageView;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BarInterval;
import io.quorum.server.api.BarView;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DecisionFilter;
import io.quorum.server.api.DecisionPage;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.DeskOperations;
import io.quorum.server.api.FieldError;
import io.quorum.server.api.Health;
import io.quorum.server.api.MessageFilter;
import io.quorum.server.api.MessagePage;
import io.quorum.server.api.Paging;
import io.quorum.server.api.PortfolioView;
import io.quorum.server.api.PositionView;
import io.quorum.server.api.ProposalView;
import io.quorum.server.api.QuoteView;
import io.quorum.server.api.RiskDisclosure;
import io.quorum.server.api.SessionView;
import io.quorum.server.api.StopsChange;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.api.StreamEventType;
import io.quorum.server.api.StreamListener;
import io.quorum.server.api.Subscription;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API's view of the real desk: turns requests into desk commands and desk state into the
 * API's records. Domain refusals become {@link DeskException}s here and HTTP statuses only at the
 * edge. The live stream is the journal's tail, so a client that resumes from the journal sees
 * every event once; position updates, which are not journaled, are coalesced to ten a second.
 */
public final class DeskService implements DeskOperations, AutoCloseable {
    public static final RiskDisclosure DISCLOSURE = new RiskDisclosure("1", """
            Auto-trading hands the desk's five agents the authority to open, add to, reduce and close positions \
            in your account without asking you first, within the limits you set. Markets can move faster than any \
            stop: a gap can fill far beyond a stop-loss, and losses can exceed what the limits suggest. Agent \
            decisions come from rules and models that can be wrong. Past results do not predict future ones. \
            You can switch auto-trading off at any moment; positions already open keep their protective stops \
            until you close or flatten them. Use paper trading until you understand how the desk behaves.""");
    private static final int PAGE = 1_000;
    private static final Duration POSITION_UPDATE_PERIOD = Duration.ofMillis(100);
    private static final ObjectMapper CONTENT = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeskService.class);

    private final Desk desk;
    private final ObservableJournal journal;
    private final DecisionLog decisions;
    private final Map<SessionId, List<StreamListener>> listeners = new ConcurrentHashMap<>();
    private final Set<SessionId> positionsDirty = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService positionUpdates =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("position-updates").factory());

    public DeskService(Desk desk, ObservableJournal journal) {
        this.desk = desk;
        this.journal = journal;
        this.decisions = new DecisionLog(journal);
        desk.addListener(new DeskListener() {
            @Override public void positionsChanged(SessionId session) {
                if (listeners.containsKey(session)) positionsDirty.add(session);
            }
        });
        long period = POSITION_UPDATE_PERIOD.toMillis();
        positionUpdates.scheduleAtFixedRate(this::publishPositionUpdates, period, period, TimeUnit.MILLISECONDS);
    }

    // ---- sessions ------------------------------------------------------------------------------

    @Override public SessionView createSession(Ticker ticker, Actor actor) {
        if (!desk.ports().market().tickers().contains(ticker)) {
            throw DeskException.Invalid.of("ticker", "no market data for " + ticker + "; available: " + desk.ports().market().tickers());
        }
        return journaled(() -> view(desk.open(ticker, actor.name())));
    }

    @Override public List<SessionView> sessions() {
        List<SessionView> views = new ArrayList<>();
        for (DeskSession session : desk.sessions()) views.add(view(session));
        views.sort(Comparator.comparing(SessionView::id));
        return views;
    }

    @Override public SessionView session(SessionId id) { return view(find(id)); }

    @Override public SessionView approve(SessionId id, ProposalId proposal, Actor actor) {
        DeskSession session = find(id);
        return journaled(() -> moved(session, session.approve(proposal, actor.name())));
    }

    @Override public SessionView reject(SessionId id, ProposalId proposal, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) throw DeskException.Invalid.of("reason", "say what is wrong with the proposal");
        DeskSession session = find(id);
        return journaled(() -> moved(session, session.reject(proposal, reason.strip(), actor.name())));
    }

    @Override public SessionView stop(SessionId id, Actor actor) {
        DeskSession session = find(id);
        return journaled(() -> moved(session, session.stop(StopReason.USER, actor.name())));
    }

    // ---- auto-trading --------------------------------------------------------------------------

    @Override public AutoTradingConfigView config(SessionId id) { return configView(find(id).config()); }

    @Override public AutoTradingConfigView updateConfig(SessionId id, AutoTradingConfigView view, Actor actor) {
        DeskSession session = find(id);
        AutoTradingConfig config = parse(view);
        session.reconfigure(config, actor.name());
        return configView(session.config());
    }

    @Override public RiskDisclosure riskDisclosure() { return DISCLOSURE; }

    @Override public SessionView enableAutoTrading(SessionId id, String acceptedDisclosureVersion, Actor actor) {
        DeskSession session = find(id);
        if (!DISCLOSURE.version().equals(acceptedDisclosureVersion)) {
            throw DeskException.Invalid.of("acceptedDisclosureVersion", "accept version " + DISCLOSURE.version() + " of the risk disclosure first");
        }
        if (session.state() == SessionState.PROPOSAL) throw new DeskException.Conflict("approve the proposal before switching auto-trading on");
        return journaled(() -> moved(session, session.enableAutoTrading(actor.name())));
    }

    @Override public SessionView disableAutoTrading(SessionId id, Actor actor) {
        DeskSession session = find(id);
        return journaled(() -> moved(session, session.disableAutoTrading(actor.name())));
    }

    @Override public PortfolioView flatten(SessionId id, Actor actor) {
        DeskSession session = find(id);
        session.flatten(actor.name());
        return portfolio(session.id());
    }

    // ---- positions and confirmations -----------------------------------------------------------

    @Override public PortfolioView positions(SessionId id) { return portfolio(find(id).id()); }

    @Override public PortfolioView closePosition(SessionId id, Ticker ticker, Actor actor) {
        DeskSession session = find(id);
        if (desk.position(id, ticker).isEmpty()) throw new DeskException.NotFound("position", ticker);
        session.closePosition(ticker, actor.name());
        return portfolio(id);
    }

    @Override public PositionView editStops(SessionId id, Ticker ticker, StopsChange change, Actor actor) {
        DeskSession session = find(id);
        if (desk.position(id, ticker).isEmpty()) throw new DeskException.NotFound("position", ticker);
        List<FieldError> errors = new ArrayList<>();
        Price stop = price(change.stopLoss(), "stopLoss", errors);
        Price target = price(change.takeProfit(), "takeProfit", errors);
        BigDecimal trailing = percent(change.trailingStopPct(), "trailingStopPct", errors);
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
        String refusal = session.editStops(ticker, new Protection(stop, target, trailing), actor.name());
        if (refusal != null) throw DeskException.Invalid.of(refusal.contains("target") ? "takeProfit" : refusal.contains("trailing") ? "trailingStopPct" : "stopLoss", refusal);
        return desk.position(id, ticker).map(DeskService::positionView).orElseThrow(() -> new DeskException.NotFound("position", ticker));
    }

    @Override public List<ConfirmationView> confirmations(SessionId id) {
        find(id);
        List<ConfirmationView> views = new ArrayList<>();
        for (PendingConfirmation c : desk.confirmations(id)) views.add(confirmationView(c, "PENDING"));
        return views;
    }

    @Override public ConfirmationView confirm(SessionId id, String confirmationId, boolean approve, Actor actor) {
        find(id);
        PendingConfirmation pending = desk.confirmations(id).stream().filter(c -> c.id().equals(confirmationId)).findFirst()
                .orElseThrow(() -> new DeskException.NotFound("pending confirmation", confirmationId));
        if (!desk.confirm(id, confirmationId, approve, actor.name())) throw new DeskException.Conflict("confirmation " + confirmationId + " expired a moment ago: no trade");
        return confirmationView(pending, approve ? "APPROVED" : "DENIED");
    }

    // ---- history -------------------------------------------------------------------------------

    @Override public DecisionPage decisions(SessionId id, DecisionFilter filter, Paging paging) {
        find(id);
        io.quorum.engine.journal.DecisionPage page = decisions.find(query(id, filter).withOrder(DecisionQuery.Order.NEWEST_FIRST), paging.offset(), paging.limit());
        return new DecisionPage(page.records().stream().map(DeskService::decisionEntry).toList(), page.total());
    }

    @Override public List<DecisionEntry> exportDecisions(SessionId id, DecisionFilter filter) {
        find(id);
        return decisions.findAll(query(id, filter)).stream().map(DeskService::decisionEntry).toList();
    }

    @Override public MessagePage messages(SessionId id, long afterSeq, int limit, MessageFilter filter) {
        find(id);
        List<AgentMessageView> items = new ArrayList<>();
        long after = afterSeq;
        while (items.size() < limit) {
            List<JournalEntry> entries = journal.read(id, after, PAGE);
            if (entries.isEmpty()) break;
            for (JournalEntry entry : entries) {
                after = entry.seq();
                if (!(entry.event() instanceof JournalEvent.MessageJournaled journaled)) continue;
                AgentMessage message = journaled.message();
                if (filter.sender() != null && message.sender() != filter.sender()) continue;
                if (filter.type() != null && message.type() != filter.type()) continue;
                items.add(messageView(entry.seq(), message));
                if (items.size() == limit) break;
            }
        }
        return new MessagePage(items);
    }

    @Override public List<AlertView> alerts(SessionId id) {
        find(id);
        List<AlertView> alerts = new ArrayList<>();
        for (JournalEntry entry : readAll(id)) {
            if (entry.event() instanceof JournalEvent.MessageJournaled journaled && journaled.message().content() instanceof Alert alert) {
                alerts.add(new AlertView(entry.seq(), entry.time(), alert.kind(), alert.severity(), alert.ticker() == null ? null : alert.ticker().symbol(), alert.text()));
            }
        }
        return alerts;
    }

    // ---- market --------------------------------------------------------------------------------

    @Override public List<BarView> bars(Ticker ticker, BarInterval interval, int count) {
        requireTicker(ticker);
        List<BarView> bars = new ArrayList<>();
        for (Bar bar : desk.ports().market().history(ticker, interval.length(), count)) {
            bars.add(new BarView(bar.start().getEpochSecond(), money(bar.openMicros()), money(bar.highMicros()), money(bar.lowMicros()),
                    money(bar.closeMicros()), bar.volume()));
        }
        return bars;
    }

    @Override public QuoteView quote(Ticker ticker) {
        requireTicker(ticker);
        Tick tick = desk.ports().market().lastTick(ticker).orElseThrow(() -> new DeskException.NotFound("quote yet for", ticker));
        return new QuoteView(ticker.symbol(), money(tick.lastMicros()), money(tick.bidMicros()), money(tick.askMicros()), tick.time());
    }

    // ---- the stream ----------------------------------------------------------------------------

    @Override public List<StreamEvent> events(SessionId id, long afterSeq, int limit) {
        DeskSession session = find(id);
        List<StreamEvent> events = new ArrayList<>();
        long after = afterSeq;
        while (events.size() < limit) {
            List<JournalEntry> entries = journal.read(id, after, Math.min(PAGE, limit));
            if (entries.isEmpty()) break;
            for (JournalEntry entry : entries) {
                after = entry.seq();
                StreamEvent event = streamEvent(session, entry);
                if (event != null) events.add(event);
                if (events.size() == limit) break;
            }
        }
        return events;
    }

    @Override public Subscription subscribe(SessionId id, StreamListener listener) {
        DeskSession session = find(id);
        listeners.computeIfAbsent(id, s -> new CopyOnWriteArrayList<>()).add(listener);
        AutoCloseable following = journal.follow(id, entry -> {
            StreamEvent event = streamEvent(session, entry);
            if (event != null) listener.onEvent(event);
        });
        return () -> {
            List<StreamListener> forSession = listeners.get(id);
            if (forSession != null) forSession.remove(listener);
            try {
                following.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Override public Health health() {
        Health.Component database;
        try {
            journal.sessions();
            database = desk.journalFault().map(fault -> new Health.Component(false, fault))
                    .orElse(new Health.Component(true, "journal readable and writable"));
        } catch (RuntimeException e) {
            database = new Health.Component(false, "journal unavailable: " + e.getMessage());
        }
        boolean quotes = desk.ports().market().tickers().stream().anyMatch(t -> desk.ports().market().lastTick(t).isPresent());
        boolean open = desk.ports().calendar().isOpen(desk.clock().now());
        Health.Component market = new Health.Component(quotes || !open, quotes ? "quotes flowing" : open ? "no quotes yet" : "market closed");
        return new Health(database, new Health.Component(true, "in-process bus, " + desk.sessions().size() + " sessions"), market);
    }

    @Override public void close() { positionUpdates.shutdownNow(); }

    // ---- mapping -------------------------------------------------------------------------------

    private StreamEvent streamEvent(DeskSession session, JournalEntry entry) {
        String sessionId = session.id().value();
        return switch (entry.event()) {
            case JournalEvent.MessageJournaled journaled ->
                    new StreamEvent(StreamEventType.AGENT_MESSAGE, entry.seq(), sessionId, entry.time(), messageView(entry.seq(), journaled.message()));
            case JournalEvent.StateChanged changed -> new StreamEvent(StreamEventType.STATUS, entry.seq(), sessionId, entry.time(), view(session));
            case JournalEvent.PositionChanged changed -> new StreamEvent(StreamEventType.POSITION, entry.seq(), sessionId, entry.time(),
                    desk.position(session.id(), changed.ticker()).map(DeskService::positionView).orElse(closedPosition(changed, entry.time())));
            default -> null;
        };
    }

    private void publishPositionUpdates() {
        for (SessionId id : List.copyOf(positionsDirty)) {
            positionsDirty.remove(id);
            List<StreamListener> forSession = listeners.get(id);
            if (forSession == null || forSession.isEmpty()) continue;
            try {
                StreamEvent event = new StreamEvent(StreamEventType.POSITION_UPDATE, journal.lastSeq(id), id.value(), desk.clock().now(), portfolio(id));
                for (StreamListener listener : forSession) listener.onEvent(event);
            } catch (RuntimeException e) {
                // The next change carries the whole portfolio again, so a skipped update loses nothing.
                LOG.warn("position update for session {} skipped: {}", id, e.toString());
            }
        }
    }

    private SessionView view(DeskSession session) {
        return new SessionView(session.id().value(), session.ticker().symbol(), session.state().name(),
                session.stopReason().map(StopReason::code).orElse(null), new SessionView.AutoTradingStatus(session.isAutoTradingEnabled()),
                session.proposal().map(p -> proposalView(p, desk.lastPrice(p.ticker()).orElse(p.entry()), desk.position(session.id(), p.ticker())
                        .map(Position::signedQuantity).orElse(0L))).orElse(null),
                configView(session.config()), session.tradesToday(), journal.lastSeq(session.id()));
    }

    private static ProposalView proposalView(Proposal p, Price price, long held) {
        long shares = p.size().sharesGiven(held);
        return new ProposalView(p.id().toString(), p.action(), p.ticker().symbol(), p.direction(),
                new ProposalView.SizeView(p.size().unit(), p.size().amount().toPlainString()), p.entry().toString(), text(p.stop()), text(p.target()),
                p.trailingStopPct() == null ? null : p.trailingStopPct().toPlainString(), p.rationale(), p.text(), price.times(shares).toString());
    }

    private static AutoTradingConfigView configView(AutoTradingConfig c) {
        return new AutoTradingConfigView(c.maxPositionPct().toPlainString(), c.maxDailyLossPct().toPlainString(), c.maxTradesPerDay(),
                c.tradingHoursStart().toString(), c.tradingHoursEnd().toString(), c.timeZone().getId(),
                c.requireConfirmationAbove().toBigDecimal().stripTrailingZeros().toPlainString(), (int) c.decisionTimeout().toSeconds(), c.quorum(),
                c.trailingStopPct() == null ? null : c.trailingStopPct().toPlainString(), c.flattenOnMaxLoss());
    }

    private static AutoTradingConfig parse(AutoTradingConfigView v) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal maxPosition = decimal(v.maxPositionPct(), "maxPositionPct", errors);
        BigDecimal maxLoss = decimal(v.maxDailyLossPct(), "maxDailyLossPct", errors);
        LocalTime start = time(v.tradingHoursStart(), "tradingHoursStart", errors);
        LocalTime end = time(v.tradingHoursEnd(), "tradingHoursEnd", errors);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(v.timeZone());
        } catch (RuntimeException e) {
            errors.add(new FieldError("timeZone", "not a time zone: " + v.timeZone()));
        }
        BigDecimal threshold = decimal(v.requireConfirmationAbove(), "requireConfirmationAbove", errors);
        BigDecimal trailing = v.trailingStopPct() == null || v.trailingStopPct().isBlank() ? null : decimal(v.trailingStopPct(), "trailingStopPct", errors);
        if (!errors.isEmpty()) throw new DeskException.Invalid(errors);
        Money confirmAbove = Money.of(threshold);
        Duration timeout = Duration.ofSeconds(v.decisionTimeoutSeconds());
        List<io.quorum.engine.session.FieldError> problems = AutoTradingConfig.problemsWith(maxPosition, maxLoss, v.maxTradesPerDay(), start, end, zone,
                confirmAbove, timeout, v.quorum(), trailing);
        if (!problems.isEmpty()) {
            throw new DeskException.Invalid(problems.stream().map(p -> new FieldError(p.field(), p.message())).toList());
        }
        return new AutoTradingConfig(maxPosition, maxLoss, v.maxTradesPerDay(), start, end, zone, confirmAbove, timeout, v.quorum(), trailing, v.flattenOnMaxLoss());
    }

    private PortfolioView portfolio(SessionId id) {
        List<PositionView> positions = new ArrayList<>();
        for (Position position : desk.positions(id)) positions.add(positionView(position));
        PnlSummary pnl = desk.pnl(id);
        io.quorum.engine.order.Account account = desk.ports().broker().account();
        return new PortfolioView(positions, pnl.daily().toString(), pnl.total().toString(), pnl.realised().toString(), pnl.unrealised().toString(),
                account.equity().toString(), account.cash().toString());
    }

    private static PositionView positionView(Position p) {
        Protection protection = p.protection();
        return new PositionView(p.ticker().symbol(), p.direction(), p.quantity(), p.averageEntry().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                text(p.lastPrice()), text(p.trailingStop() != null && protection.stopLoss() == null ? p.trailingStop() : protection.stopLoss()),
                text(protection.takeProfit()), protection.trailingStopPct() == null ? null : protection.trailingStopPct().toPlainString(), p.openedAt(),
                p.unrealised().toString(), p.unrealisedPct().toPlainString(), p.realised().toString());
    }

    private static PositionView closedPosition(JournalEvent.PositionChanged changed, Instant at) {
        return new PositionView(changed.ticker().symbol(), io.quorum.engine.message.Direction.LONG, 0, text(changed.averagePrice()), null,
                null, null, null, at, "0.00", "0.00", "0.00");
    }

    private static ConfirmationView confirmationView(PendingConfirmation c, String status) {
        return new ConfirmationView(c.id(), c.proposalId().toString(), c.order().ticker().symbol(), c.order().side(), c.order().quantity(),
                c.notional().toString(), c.expiresAt(), status);
    }

    private static DecisionEntry decisionEntry(DecisionRecord r) {
        io.quorum.engine.message.Tally t = r.tally();
        List<DecisionEntry.VoteView> votes = new ArrayList<>();
        for (RecordedVote vote : r.votes()) votes.add(new DecisionEntry.VoteView(vote.voter(), vote.choice(), vote.reason(), vote.received()));
        List<DecisionEntry.OrderView> orders = new ArrayList<>();
        for (OrderTrail order : r.orders()) {
            List<DecisionEntry.FillView> fills = new ArrayList<>();
            for (Fill fill : order.fills()) fills.add(new DecisionEntry.FillView(fill.price().toString(), fill.quantity(), fill.time()));
            orders.add(new DecisionEntry.OrderView(order.clientOrderId().value(), order.request().side(), order.request().quantity(),
                    order.rejected() ? "REJECTED" : order.status() == null ? "INTENDED" : order.status().name(), fills));
        }
        Proposal terms = r.terms();
        return new DecisionEntry(r.journalSeq(), r.time(), r.proposalId().toString(), terms.ticker().symbol(), terms.action(), r.outcome(),
                new DecisionEntry.TallyView(t.approvals(), t.rejections(), t.abstentions(), t.vetoed(), t.quorum(), t.voters()), votes,
                proposalView(terms, terms.entry(), 0), r.decision().text(), orders);
    }

    static AgentMessageView messageView(long journalSeq, AgentMessage message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = CONTENT.convertValue(MessageJson.toTree(message).get("content"), Map.class);
        return new AgentMessageView(message.id().toString(), journalSeq, message.sender(), AgentMessageView.RecipientsView.of(message.recipients()),
                message.type(), content, message.timestamp(), message.replyTo() == null ? null : message.replyTo().toString(),
                message.requiresResponse(), message.responseTimeout());
    }

    private static DecisionQuery query(SessionId id, DecisionFilter filter) {
        DecisionQuery query = DecisionQuery.any().withSession(id).withTimeRange(filter.from(), filter.to());
        if (filter.ticker() != null) query = query.withTicker(filter.ticker());
        if (filter.outcome() != null) query = query.withOutcomes(filter.outcome());
        return query;
    }

    private List<JournalEntry> readAll(SessionId id) {
        List<JournalEntry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<JournalEntry> page = journal.read(id, after, PAGE);
            if (page.isEmpty()) return all;
            all.addAll(page);
            after = page.getLast().seq();
        }
    }

    private DeskSession find(SessionId id) {
        return desk.session(id).orElseThrow(() -> new DeskException.NotFound("session", id));
    }

    private void requireTicker(Ticker ticker) {
        if (!desk.ports().market().tickers().contains(ticker)) throw new DeskException.NotFound("ticker", ticker);
    }

    /** A command whose journal entry could not be written is refused with 503, not a 500: the journal is down, not the request wrong. */
    private <T> T journaled(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (DeskException e) {
            throw e;
        } catch (RuntimeException e) {
            if (desk.journalFault().isPresent()) throw new DeskException.Unavailable(desk.journalFault().get());
            throw e;
        }
    }

    private SessionView moved(DeskSession session, Transition transition) {
        if (transition instanceof Transition.Refused refused) throw new DeskException.Conflict(refused.reason());
        return view(session);
    }

    private static Price price(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        try {
            return Price.parse(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "not a positive price: " + text));
            return null;
        }
    }

    private static BigDecimal percent(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        BigDecimal value = decimal(text, field, errors);
        if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(50)) > 0)) {
            errors.add(new FieldError(field, "must be above 0 and at most 50, was " + text));
            return null;
        }
        return value;
    }

    private static BigDecimal decimal(String text, String field, List<FieldError> errors) {
        try {
            return new BigDecimal(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "not a number: " + text));
            return null;
        }
    }

    private static LocalTime time(String text, String field, List<FieldError> errors) {
        try {
            return LocalTime.parse(text);
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "not a time of day (HH:mm): " + text));
            return null;
        }
    }

    private static String text(Price price) { return price == null ? null : price.toString(); }

    private static String money(long micros) { return Price.ofMicros(micros).toString(); }
}
