package io.quorum.server.wiring;

import io.quorum.engine.desk.Desk;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.server.api.AccountPortfolioView;
import io.quorum.server.api.Actor;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.OrderTicketView;
import io.quorum.server.api.TicketReceipt;
import io.quorum.server.api.BarInterval;
import io.quorum.server.api.BarView;
import io.quorum.server.api.ClosedTrade;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DecisionFilter;
import io.quorum.server.api.DecisionPage;
import io.quorum.server.api.DeskOperations;
import io.quorum.server.api.Health;
import io.quorum.server.api.MessageFilter;
import io.quorum.server.api.MessagePage;
import io.quorum.server.api.Paging;
import io.quorum.server.api.Performance;
import io.quorum.server.api.PortfolioView;
import io.quorum.server.api.PositionView;
import io.quorum.server.api.QuoteView;
import io.quorum.server.api.RiskDisclosure;
import io.quorum.server.api.ReasoningView;
import io.quorum.server.api.RiskView;
import io.quorum.server.api.SessionView;
import io.quorum.server.api.StopsChange;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.api.StreamListener;
import io.quorum.server.api.Subscription;
import io.quorum.server.api.TickerSearchView;
import java.time.Duration;
import java.util.List;

/**
 * The API's view of the real desk, in four parts: {@link DeskCommands} turn requests into desk
 * commands, {@link DeskQueries} answer from the latest snapshot and the {@link JournalIndex},
 * {@link ApiViews} map engine values to the API's records, and the {@link StreamHub} sends each
 * journal entry as a frame of its own type. Domain refusals become {@link io.quorum.server.api.DeskException}s
 * here and HTTP statuses only at the edge.
 *
 * <p>It follows the journal's tail in two places only: the index (every session, once) and the
 * hub (a session while it has clients).
 */
public final class DeskService implements DeskOperations, AutoCloseable {
    public static final RiskDisclosure DISCLOSURE = new RiskDisclosure("1", """
            Auto-trading hands the desk's five agents the authority to open, add to, reduce and close positions \
            in your account without asking you first, within the limits you set. Markets can move faster than any \
            stop: a gap can fill far beyond a stop-loss, and losses can exceed what the limits suggest. Agent \
            decisions come from rules and models that can be wrong. Past results do not predict future ones. \
            You can switch auto-trading off at any moment; positions already open keep their protective stops \
            until you close or flatten them. Use paper trading until you understand how the desk behaves.""");

    private final JournalIndex index;
    private final DeskQueries queries;
    private final DeskCommands commands;
    private final StreamHub stream;
    private final BrokerAccountBook brokerAccount;

    public DeskService(Desk desk, ObservableJournal journal) {
        this(desk, journal, BROKER_ACCOUNT_REFRESH);
    }

    /** How often the account panel's account is read from the broker, off the engine loop. */
    static final Duration BROKER_ACCOUNT_REFRESH = Duration.ofSeconds(5);

    DeskService(Desk desk, ObservableJournal journal, Duration brokerAccountRefresh) {
        this.index = new JournalIndex(journal);
        this.brokerAccount = new BrokerAccountBook(desk.ports().broker(), desk.ports().userClock(), brokerAccountRefresh);
        this.queries = new DeskQueries(desk, journal, index, brokerAccount);
        this.commands = new DeskCommands(desk, queries, DISCLOSURE);
        this.stream = new StreamHub(desk, journal, queries);
    }

    // ---- commands ------------------------------------------------------------------------------

    @Override public SessionView createSession(Ticker ticker, Actor actor) { return commands.createSession(ticker, actor); }

    @Override public SessionView approve(SessionId id, ProposalId proposal, Actor actor) { return commands.approve(id, proposal, actor); }

    @Override public SessionView reject(SessionId id, ProposalId proposal, String reason, Actor actor) { return commands.reject(id, proposal, reason, actor); }

    @Override public SessionView stop(SessionId id, Actor actor) { return commands.stop(id, actor); }

    @Override public void archive(SessionId id, Actor actor) { commands.archive(id, actor); }

    @Override public AutoTradingConfigView updateConfig(SessionId id, AutoTradingConfigView config, Actor actor) { return commands.updateConfig(id, config, actor); }

    @Override public SessionView enableAutoTrading(SessionId id, String acceptedDisclosureVersion, Actor actor) {
        return commands.enableAutoTrading(id, acceptedDisclosureVersion, actor);
    }

    @Override public SessionView disableAutoTrading(SessionId id, Actor actor) { return commands.disableAutoTrading(id, actor); }

    @Override public PortfolioView flatten(SessionId id, Actor actor) { return commands.flatten(id, actor); }

    @Override public PortfolioView closePosition(SessionId id, Ticker ticker, Actor actor) { return commands.closePosition(id, ticker, actor); }

    @Override public SessionView watch(SessionId id, Ticker ticker, Actor actor) { return commands.watch(id, ticker, actor); }

    @Override public SessionView unwatch(SessionId id, Ticker ticker, Actor actor) { return commands.unwatch(id, ticker, actor); }

    @Override public PositionView editStops(SessionId id, Ticker ticker, StopsChange change, Actor actor) { return commands.editStops(id, ticker, change, actor); }

    @Override public ConfirmationView confirm(SessionId id, String confirmationId, boolean approve, Actor actor) {
        return commands.confirm(id, confirmationId, approve, actor);
    }

    @Override public TicketReceipt placeOrder(SessionId id, OrderTicketView ticket, Actor actor) { return commands.placeOrder(id, ticket, actor); }

    @Override public BrokerAccountView confirmLiveAccount(String accountNumber, Actor actor) { return commands.confirmLiveAccount(accountNumber, actor); }

    // ---- queries -------------------------------------------------------------------------------

    @Override public BrokerAccountView brokerAccount() { return queries.brokerAccount(); }

    @Override public List<SessionView> sessions() { return queries.sessions(); }

    @Override public SessionView session(SessionId id) { return queries.session(id); }

    @Override public AutoTradingConfigView config(SessionId id) { return queries.config(id); }

    @Override public RiskDisclosure riskDisclosure() { return DISCLOSURE; }

    @Override public PortfolioView positions(SessionId id) { return queries.positions(id); }

    @Override public List<ConfirmationView> confirmations(SessionId id) { return queries.confirmations(id); }

    @Override public DecisionPage decisions(SessionId id, DecisionFilter filter, Paging paging) { return queries.decisions(id, filter, paging); }

    @Override public List<DecisionEntry> exportDecisions(SessionId id, DecisionFilter filter) { return queries.exportDecisions(id, filter); }

    @Override public List<ClosedTrade> trades(SessionId id) { return queries.trades(id); }

    @Override public List<ClosedTrade> accountTrades() { return queries.accountTrades(); }

    @Override public Performance performance(SessionId id) { return queries.performance(id); }

    @Override public Performance accountPerformance() { return queries.accountPerformance(); }

    @Override public AccountPortfolioView accountPortfolio() { return queries.accountPortfolio(); }

    @Override public RiskView risk() { return queries.risk(); }

    @Override public ReasoningView reasoning() { return queries.reasoning(); }

    @Override public MessagePage messages(SessionId id, long afterSeq, int limit, MessageFilter filter) { return queries.messages(id, afterSeq, limit, filter); }

    @Override public List<AlertView> alerts(SessionId id) { return queries.alerts(id); }

    @Override public List<BarView> bars(Ticker ticker, BarInterval interval, int count) { return queries.bars(ticker, interval, count); }

    @Override public TickerSearchView searchTickers(String query, int max) { return queries.searchTickers(query, max); }

    @Override public QuoteView quote(Ticker ticker) { return queries.quote(ticker); }

    @Override public Health health() { return queries.health(); }

    // ---- the stream ----------------------------------------------------------------------------

    @Override public List<StreamEvent> events(SessionId id, long afterSeq, int limit) { return stream.events(queries.find(id), afterSeq, limit); }

    @Override public Subscription subscribe(SessionId id, StreamListener listener) { return stream.subscribe(queries.find(id), listener); }

    @Override public void close() {
        stream.close();
        index.close();
        brokerAccount.close();
    }
}
