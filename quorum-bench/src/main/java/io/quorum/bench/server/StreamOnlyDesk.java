package io.quorum.bench.server;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.AccountPortfolioView;
import io.quorum.server.api.Actor;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.OrderTicketView;
import io.quorum.server.api.TicketReceipt;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BarInterval;
import io.quorum.server.api.BarView;
import io.quorum.server.api.ClosedTrade;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DecisionFilter;
import io.quorum.server.api.DecisionPage;
import io.quorum.server.api.DeskException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A desk with one session whose stream carries only what the bench {@link #publish publishes}: the
 * server's WebSocket edge measured on its own, without agents, journal or market. It keeps the
 * contract the edge relies on (an event is readable through {@link #events} before any listener
 * gets it), so a client that connects late replays instead of waiting forever. The REST operations
 * are never called by the bench and refuse.
 */
final class StreamOnlyDesk implements DeskOperations {
    private final SessionId sessionId;
    private final SessionView session;
    private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StreamEvent> published = new ArrayList<>();

    StreamOnlyDesk(SessionId sessionId) {
        this.sessionId = sessionId;
        this.session = new SessionView(sessionId.value(), "AAPL", List.of("AAPL"), "AUTO_TRADING", null, new SessionView.AutoTradingStatus(true),
                new SessionView.Trading("ACTIVE", null), null, null, 0, 0, SessionView.Models.NONE);
    }

    /** Hands {@code event} to every connected client's stream, on the calling thread, as the desk's thread would. */
    void publish(StreamEvent event) {
        synchronized (published) {
            published.add(event);
        }
        for (StreamListener listener : listeners) listener.onEvent(event);
    }

    int listenerCount() { return listeners.size(); }

    @Override public SessionView session(SessionId id) {
        requireSession(id);
        return session;
    }

    @Override public List<StreamEvent> events(SessionId id, long afterSeq, int limit) {
        requireSession(id);
        List<StreamEvent> page = new ArrayList<>();
        synchronized (published) {
            for (StreamEvent event : published) {
                if (page.size() == limit) break;
                if (event.seq() > afterSeq) page.add(event);
            }
        }
        return page;
    }

    @Override public Subscription subscribe(SessionId id, StreamListener listener) {
        requireSession(id);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void requireSession(SessionId id) {
        if (!sessionId.equals(id)) throw new DeskException.NotFound("session", id);
    }

    @Override public SessionView createSession(Ticker ticker, Actor actor) { throw notServed(); }

    @Override public List<SessionView> sessions() { return List.of(session); }

    @Override public SessionView approve(SessionId id, ProposalId proposal, Actor actor) { throw notServed(); }

    @Override public SessionView reject(SessionId id, ProposalId proposal, String reason, Actor actor) { throw notServed(); }

    @Override public SessionView stop(SessionId id, Actor actor) { throw notServed(); }

    @Override public void archive(SessionId id, Actor actor) { throw notServed(); }

    @Override public AutoTradingConfigView config(SessionId id) { throw notServed(); }

    @Override public AutoTradingConfigView updateConfig(SessionId id, AutoTradingConfigView config, Actor actor) { throw notServed(); }

    @Override public RiskDisclosure riskDisclosure() { throw notServed(); }

    @Override public SessionView enableAutoTrading(SessionId id, String acceptedDisclosureVersion, Actor actor) { throw notServed(); }

    @Override public SessionView disableAutoTrading(SessionId id, Actor actor) { throw notServed(); }

    @Override public PortfolioView flatten(SessionId id, Actor actor) { throw notServed(); }

    @Override public PortfolioView positions(SessionId id) { throw notServed(); }

    @Override public PortfolioView closePosition(SessionId id, Ticker ticker, Actor actor) { throw notServed(); }

    @Override public SessionView watch(SessionId id, Ticker ticker, Actor actor) { throw notServed(); }

    @Override public SessionView unwatch(SessionId id, Ticker ticker, Actor actor) { throw notServed(); }

    @Override public PositionView editStops(SessionId id, Ticker ticker, StopsChange change, Actor actor) { throw notServed(); }

    @Override public List<ConfirmationView> confirmations(SessionId id) { throw notServed(); }

    @Override public ConfirmationView confirm(SessionId id, String confirmationId, boolean approve, Actor actor) { throw notServed(); }

    @Override public DecisionPage decisions(SessionId id, DecisionFilter filter, Paging paging) { throw notServed(); }

    @Override public List<DecisionEntry> exportDecisions(SessionId id, DecisionFilter filter) { throw notServed(); }

    @Override public MessagePage messages(SessionId id, long afterSeq, int limit, MessageFilter filter) { throw notServed(); }

    @Override public List<AlertView> alerts(SessionId id) { throw notServed(); }

    @Override public List<ClosedTrade> trades(SessionId id) { throw notServed(); }

    @Override public List<ClosedTrade> accountTrades() { throw notServed(); }

    @Override public Performance performance(SessionId id) { throw notServed(); }

    @Override public Performance accountPerformance() { throw notServed(); }

    @Override public AccountPortfolioView accountPortfolio() { throw notServed(); }

    @Override public RiskView risk() { throw notServed(); }

    @Override public ReasoningView reasoning() { throw notServed(); }

    @Override public List<BarView> bars(Ticker ticker, BarInterval interval, int count) { throw notServed(); }

    @Override public QuoteView quote(Ticker ticker) { throw notServed(); }

    @Override public TickerSearchView searchTickers(String query, int max) { throw notServed(); }

    @Override public TicketReceipt placeOrder(SessionId id, OrderTicketView ticket, Actor actor) { throw notServed(); }

    @Override public BrokerAccountView brokerAccount() { throw notServed(); }

    @Override public BrokerAccountView confirmLiveAccount(String accountNumber, Actor actor) { throw notServed(); }

    @Override public Health health() {
        Health.Component up = new Health.Component(true, "bench stream only");
        return new Health(up, up, up);
    }

    private static UnsupportedOperationException notServed() {
        return new UnsupportedOperationException("the bench's desk serves only the session stream");
    }
}
