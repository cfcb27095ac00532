package io.quorum.server.wiring;

import io.quorum.adapters.alpaca.trading.AlpacaBroker;
import io.quorum.adapters.alpaca.trading.AlpacaBrokerStats;
import io.quorum.adapters.redis.RedisBusHealth;
import io.quorum.adapters.redis.RedisMessageBus;
import io.quorum.engine.decision.DecisionQuery;
import io.quorum.engine.decision.DecisionRecord;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.PendingConfirmation;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.SymbolMatch;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.snapshot.SessionSnapshot;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.server.api.AccountPortfolioView;
import io.quorum.server.api.AgentMessageView;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.BarInterval;
import io.quorum.server.api.BarView;
import io.quorum.server.api.ClosedTrade;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DecisionFilter;
import io.quorum.server.api.DecisionPage;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.Health;
import io.quorum.server.api.MessageFilter;
import io.quorum.server.api.MessagePage;
import io.quorum.server.api.Paging;
import io.quorum.server.api.Performance;
import io.quorum.server.api.PerformanceReport;
import io.quorum.server.api.PortfolioView;
import io.quorum.server.api.QuoteView;
import io.quorum.server.api.ReasoningView;
import io.quorum.server.api.RiskView;
import io.quorum.server.api.SessionView;
import io.quorum.server.api.TickerSearchView;
import io.quorum.server.api.TradeBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The desk's read side. Views read often (sessions, the portfolio) come from the latest
 * {@link DeskSnapshot} and never wait for the engine loop; the history (decisions, messages,
 * alerts) comes from the {@link JournalIndex}, so no query scans a whole journal. Only the pending
 * confirmations, which the snapshot does not hold, ask the loop.
 */
final class DeskQueries {
    /** The most journal entries one read of a message page asks for. */
    private static final int READ_WINDOW = 256;

    private final Desk desk;
    private final ObservableJournal journal;
    private final JournalIndex index;
    private final BrokerAccountBook brokerAccount;

    DeskQueries(Desk desk, ObservableJournal journal, JournalIndex index, BrokerAccountBook brokerAccount) {
        this.desk = desk;
        this.journal = journal;
        this.index = index;
        this.brokerAccount = brokerAccount;
    }

    /** From the book the broker's thread keeps; only whether a live account awaits its number is asked of the loop. */
    BrokerAccountView brokerAccount() { return brokerAccount.view(desk.awaitsLiveConfirmation()); }

    DeskSession find(SessionId id) {
        return desk.session(id).orElseThrow(() -> new DeskException.NotFound("session", id));
    }

    List<SessionView> sessions() {
        DeskSnapshot snapshot = desk.snapshot();
        List<SessionView> views = new ArrayList<>();
        for (DeskSession session : desk.sessions()) views.add(ApiViews.session(session, snapshot, journal.lastSeq(session.id())));
        views.sort(Comparator.comparing(SessionView::id));
        return views;
    }

    SessionView session(SessionId id) { return view(find(id)); }

    SessionView view(DeskSession session) { return ApiViews.session(session, desk.snapshot(), journal.lastSeq(session.id())); }

    AutoTradingConfigView config(SessionId id) { return ApiViews.config(find(id).config()); }

    PortfolioView positions(SessionId id) { return portfolio(find(id).id()); }

    PortfolioView portfolio(SessionId id) {
        DeskSnapshot snapshot = desk.snapshot();
        return ApiViews.portfolio(snapshot.session(id), snapshot.portfolio());
    }

    AccountPortfolioView accountPortfolio() { return AccountViews.portfolio(desk.snapshot().portfolio()); }

    RiskView risk() { return AccountViews.risk(desk.snapshot().risk(), desk.settings().risk().limits()); }

    ReasoningView reasoning() { return ReasoningViews.of(desk.ports().reasoner()); }

    List<ConfirmationView> confirmations(SessionId id) {
        find(id);
        List<ConfirmationView> views = new ArrayList<>();
        for (PendingConfirmation c : desk.confirmations(id)) views.add(ApiViews.confirmation(c, "PENDING"));
        return views;
    }

    DecisionPage decisions(SessionId id, DecisionFilter filter, Paging paging) {
        List<DecisionRecord> matching = matching(id, filter, DecisionQuery.Order.NEWEST_FIRST);
        int from = Math.min(paging.offset(), matching.size());
        int to = (int) Math.min((long) from + paging.limit(), matching.size());
        return new DecisionPage(matching.subList(from, to).stream().map(ApiViews::decision).toList(), matching.size());
    }

    List<DecisionEntry> exportDecisions(SessionId id, DecisionFilter filter) {
        return matching(id, filter, DecisionQuery.Order.OLDEST_FIRST).stream().map(ApiViews::decision).toList();
    }

    /** The page's seqs come from the index; only the windows of the journal that hold them are read. */
    MessagePage messages(SessionId id, long afterSeq, int limit, MessageFilter filter) {
        find(id);
        long[] seqs = index.messageSeqs(id, afterSeq, limit, filter.sender(), filter.type());
        List<AgentMessageView> items = new ArrayList<>(seqs.length);
        int next = 0;
        while (next < seqs.length) {
            int last = next;
            while (last + 1 < seqs.length && seqs[last + 1] - seqs[next] < READ_WINDOW) last++;
            List<JournalEntry> window = journal.read(id, seqs[next] - 1, (int) (seqs[last] - seqs[next] + 1));
            if (window.isEmpty()) break;
            for (JournalEntry entry : window) {
                if (next <= last && entry.seq() == seqs[next] && entry.event() instanceof JournalEvent.MessageJournaled journaled) {
                    items.add(ApiViews.message(entry.seq(), journaled.message()));
                    next++;
                }
            }
            long reached = window.getLast().seq();
            while (next < seqs.length && seqs[next] <= reached) next++;
        }
        return new MessagePage(items);
    }

    List<ClosedTrade> trades(SessionId id) {
        find(id);
        return TradeBook.closedTrades(index.fills(id));
    }

    List<ClosedTrade> accountTrades() { return TradeBook.closedTrades(index.allFills()); }

    Performance performance(SessionId id) { return PerformanceReport.of(trades(id), capital(), desk.ports().calendar()); }

    Performance accountPerformance() { return PerformanceReport.of(accountTrades(), capital(), desk.ports().calendar()); }

    /** What the account had before the sessions the desk holds traded: its equity now less their total P&L. */
    private BigDecimal capital() {
        Money pnl = Money.ZERO;
        for (SessionSnapshot session : desk.snapshot().sessions().values()) pnl = pnl.plus(session.pnl().total());
        return desk.snapshot().equity().minus(pnl).toBigDecimal();
    }

    List<AlertView> alerts(SessionId id) {
        find(id);
        return index.alerts(id);
    }

    List<BarView> bars(Ticker ticker, BarInterval interval, int count) {
        requireTicker(ticker);
        List<BarView> bars = new ArrayList<>();
        for (Bar bar : desk.ports().market().history(ticker, interval.length(), count)) bars.add(ApiViews.bar(bar));
        return bars;
    }

    /** Asks the feed, which may ask its provider: on the request's thread, never the engine loop. */
    TickerSearchView searchTickers(String query, int max) {
        List<TickerSearchView.Match> matches = new ArrayList<>();
        for (SymbolMatch match : desk.ports().market().search(query, max)) {
            matches.add(new TickerSearchView.Match(match.ticker().symbol(), match.name(), match.exchange(), match.type()));
        }
        return new TickerSearchView(matches);
    }

    QuoteView quote(Ticker ticker) {
        requireTicker(ticker);
        Tick tick = desk.ports().market().lastTick(ticker).orElseThrow(() -> new DeskException.NotFound("quote yet for", ticker));
        return new QuoteView(ticker.symbol(), ApiViews.money(tick.lastMicros()), ApiViews.money(tick.bidMicros()), ApiViews.money(tick.askMicros()), tick.time());
    }

    Health health() {
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
        Health.Component bus = busHealth();
        if (desk.ports().broker() instanceof AlpacaBroker alpaca) return new Health(database, bus, market, alpacaHealth(alpaca));
        return new Health(database, bus, market);
    }

    /**
     * Up while the venue answers: an order in doubt (a submit no lookup could settle yet) is down.
     * The stream being down is not: the orders are polled meanwhile. The 429s waited out are said.
     */
    private static Health.Component alpacaHealth(AlpacaBroker alpaca) {
        AlpacaBrokerStats stats = alpaca.stats();
        String account = "Alpaca " + (alpaca.isLive() ? "LIVE" : "paper") + " account";
        String stream = stats.streamListening() ? "trade updates streaming" : "trade updates stream down, orders polled (" + stats.lastProblem() + ")";
        String detail = account + ", " + stream + ", " + stats.throttled() + " rate-limited requests waited out, " + stats.unknownOutcomes()
                + " unknown submit outcomes resolved by lookup";
        if (stats.inDoubt() > 0) return new Health.Component(false, detail + ", " + stats.inDoubt() + " orders in doubt: the venue does not answer their lookup");
        return new Health.Component(true, detail);
    }

    /** The Redis bus is up while Redis answers; the detail names each consumer, up, lagging or gone. */
    private Health.Component busHealth() {
        if (desk.bus() instanceof RedisMessageBus redis) {
            RedisBusHealth health = redis.health();
            return new Health.Component(health.reachable(), health.describe());
        }
        return new Health.Component(true, "in-process bus, " + desk.sessions().size() + " sessions");
    }

    void requireTicker(Ticker ticker) {
        if (!desk.ports().market().tickers().contains(ticker)) throw new DeskException.NotFound("ticker", ticker);
    }

    private List<DecisionRecord> matching(SessionId id, DecisionFilter filter, DecisionQuery.Order order) {
        find(id);
        DecisionQuery query = DecisionQuery.any().withSession(id).withTimeRange(filter.from(), filter.to()).withOrder(order);
        if (filter.ticker() != null) query = query.withTicker(filter.ticker());
        if (filter.outcome() != null) query = query.withOutcomes(filter.outcome());
        List<DecisionRecord> matching = new ArrayList<>();
        for (DecisionRecord record : index.decisions(id)) {
            if (query.matches(record)) matching.add(record);
        }
        if (order == DecisionQuery.Order.NEWEST_FIRST) Collections.reverse(matching);
        return matching;
    }
}
