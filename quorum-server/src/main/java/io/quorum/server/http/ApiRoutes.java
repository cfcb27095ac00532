package io.quorum.server.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.SessionId;
import io.quorum.server.api.AccountPortfolioView;
import io.quorum.server.api.Actor;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BarInterval;
import io.quorum.server.api.BarView;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.ClosedTrade;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DecisionEntry;
import io.quorum.server.api.DecisionFilter;
import io.quorum.server.api.DecisionPage;
import io.quorum.server.api.DeskOperations;
import io.quorum.server.api.MessageFilter;
import io.quorum.server.api.MessagePage;
import io.quorum.server.api.OrderTicketView;
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
import io.quorum.server.api.TickerSearchView;
import io.quorum.server.api.TicketReceipt;
import io.quorum.server.http.FieldChecks.DecimalRange;
import java.util.List;

/**
 * The REST half of {@code docs/api.md}: each route reads its input, makes one call on the desk
 * and writes the answer. Errors are thrown and become problem documents in one place.
 */
final class ApiRoutes {
    private static final String USER = "user";
    private static final int MAX_BARS = 5000;
    private static final int MAX_SEARCH_TEXT = 64;
    private static final int MAX_SEARCH_MATCHES = 50;
    private static final int MAX_MESSAGES = 1000;
    private static final long MAX_TICKET_SHARES = 1_000_000;

    private final DeskOperations desk;
    private final RequestReader read;
    private final ObjectMapper mapper;

    ApiRoutes(DeskOperations desk, ObjectMapper mapper) {
        this.desk = desk;
        this.mapper = mapper;
        this.read = new RequestReader(mapper);
    }

    RequestReader reader() { return read; }

    List<Route> table() {
        return List.of(
                Route.of(POST, "/api/sessions", "Start a session: the desk analyses the ticker and comes back with a proposal", this::createSession)
                        .accepts(RequestBodies.CreateSession.class).returns(SessionView.class).status(201),
                Route.of(GET, "/api/sessions", "List the sessions", ctx -> ctx.json(desk.sessions()))
                        .returnsListOf(SessionView.class),
                Route.of(GET, "/api/sessions/{id}", "One session", ctx -> ctx.json(desk.session(read.sessionId(ctx))))
                        .returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/approve", "Approve the proposal named in the body and hand the desk trading authority; 409 when the card shows another", this::approve)
                        .accepts(RequestBodies.ApproveProposal.class).returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/reject", "Reject the proposal named in the body with a reason; the desk re-analyses; 409 when the card shows another", this::reject)
                        .accepts(RequestBodies.RejectProposal.class).returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/stop", "Stop the session", this::stop)
                        .accepts(RequestBodies.Empty.class).returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/archive", "Put away a stopped session with nothing open: the desk forgets it, the journal keeps it; 409 otherwise", this::archive)
                        .accepts(RequestBodies.Empty.class),

                Route.of(GET, "/api/risk-disclosure", "The risk disclosure to accept before auto-trading", ctx -> ctx.json(desk.riskDisclosure()))
                        .returns(RiskDisclosure.class),
                Route.of(GET, "/api/sessions/{id}/config", "The session's auto-trading limits", ctx -> ctx.json(desk.config(read.sessionId(ctx))))
                        .returns(AutoTradingConfigView.class),
                Route.of(PUT, "/api/sessions/{id}/config", "Replace the auto-trading limits", this::updateConfig)
                        .accepts(AutoTradingConfigView.class).returns(AutoTradingConfigView.class),
                Route.of(POST, "/api/sessions/{id}/auto-trading/enable", "Enable auto-trading; needs the accepted disclosure version", this::enableAutoTrading)
                        .accepts(RequestBodies.EnableAutoTrading.class).returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/auto-trading/disable", "Disable auto-trading, effective at once", this::disableAutoTrading)
                        .accepts(RequestBodies.Empty.class).returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/flatten", "Close every position of the session", this::flatten)
                        .accepts(RequestBodies.Empty.class).returns(PortfolioView.class),

                Route.of(GET, "/api/sessions/{id}/positions", "Open positions and P&L", ctx -> ctx.json(desk.positions(read.sessionId(ctx))))
                        .returns(PortfolioView.class),
                Route.of(POST, "/api/sessions/{id}/watchlist", "Add a ticker to the session's watchlist: its five agents watch it and the desk may trade it "
                                + "within the session's limits; 400 for a ticker the feed does not know, 409 when it is on the list, the list is full or the session stopped", this::watch)
                        .accepts(RequestBodies.WatchTicker.class).returns(SessionView.class),
                Route.of(DELETE, "/api/sessions/{id}/watchlist/{ticker}", "Take a ticker off the session's watchlist; 409 for the session's own ticker "
                                + "and while a position or an order in it is open", this::unwatch)
                        .returns(SessionView.class),
                Route.of(POST, "/api/sessions/{id}/positions/{ticker}/close", "Close one position", this::closePosition)
                        .accepts(RequestBodies.Empty.class).returns(PortfolioView.class),
                Route.of(PUT, "/api/sessions/{id}/positions/{ticker}/stops", "Change a position's stop-loss, take-profit and trailing stop", this::editStops)
                        .accepts(StopsChange.class).returns(PositionView.class),
                Route.of(POST, "/api/sessions/{id}/orders", "Send the user's own order (market or limit, optional stop and target) on a ticker of the session's watchlist (its own by default), "
                                + "through the RiskEngine like the agents' orders; a refusal is answered with the RiskEngine's sentence", this::placeOrder)
                        .accepts(OrderTicketView.class).returns(TicketReceipt.class),
                Route.of(GET, "/api/broker", "The broker's account: paper or LIVE, cash, buying power, equity, and the latest orders in the venue's states, from a cached read model",
                                ctx -> ctx.json(desk.brokerAccount()))
                        .returns(BrokerAccountView.class),
                Route.of(POST, "/api/broker/live-confirmation", "Confirm a live account by typing its number: until then only exits leave; 422 for a wrong number, 409 on paper",
                                this::confirmLiveAccount)
                        .accepts(RequestBodies.ConfirmLiveAccount.class).returns(BrokerAccountView.class),
                Route.of(GET, "/api/sessions/{id}/confirmations", "Trades waiting for the user's confirmation",
                                ctx -> ctx.json(desk.confirmations(read.sessionId(ctx))))
                        .returnsListOf(ConfirmationView.class),
                Route.of(POST, "/api/sessions/{id}/confirmations/{cid}/approve", "Confirm a waiting trade", ctx -> confirm(ctx, true))
                        .accepts(RequestBodies.Empty.class).returns(ConfirmationView.class),
                Route.of(POST, "/api/sessions/{id}/confirmations/{cid}/deny", "Refuse a waiting trade", ctx -> confirm(ctx, false))
                        .accepts(RequestBodies.Empty.class).returns(ConfirmationView.class),
                Route.of(GET, "/api/sessions/{id}/decisions", "Decision history, newest first", this::decisions)
                        .returns(DecisionPage.class)
                        .query("ticker", "string", "only this ticker").query("outcome", "string", "only this outcome")
                        .query("from", "string", "ISO-8601 instant, inclusive").query("to", "string", "ISO-8601 instant, exclusive")
                        .query("limit", "integer", "1-500, default 50").query("offset", "integer", "default 0"),
                Route.of(GET, "/api/sessions/{id}/decisions/export", "Every matching decision as a CSV or JSON file", this::exportDecisions)
                        .query("format", "string", "csv (default) or json").query("ticker", "string", "only this ticker")
                        .query("outcome", "string", "only this outcome").query("from", "string", "ISO-8601 instant, inclusive")
                        .query("to", "string", "ISO-8601 instant, exclusive"),
                Route.of(GET, "/api/sessions/{id}/messages", "The agents' conversation in seq order", this::messages)
                        .returns(MessagePage.class)
                        .query("afterSeq", "integer", "default 0").query("limit", "integer", "1-1000, default 500")
                        .query("sender", "string", "only this agent").query("type", "string", "only this message type"),
                Route.of(GET, "/api/sessions/{id}/trades", "The session's closed trades with entry, exit, P&L and exit reason, in the order they closed",
                                ctx -> ctx.json(desk.trades(read.sessionId(ctx))))
                        .returnsListOf(ClosedTrade.class),
                Route.of(GET, "/api/trades", "The account's closed trades, every session's, archived ones too, in the order they closed",
                                ctx -> ctx.json(desk.accountTrades()))
                        .returnsListOf(ClosedTrade.class),
                Route.of(GET, "/api/sessions/{id}/performance", "The session's equity curve with drawdown, daily P&L bars and stats (win rate, profit factor, Sharpe)",
                                ctx -> ctx.json(desk.performance(read.sessionId(ctx))))
                        .returns(Performance.class),
                Route.of(GET, "/api/performance", "The account's equity curve with drawdown, daily P&L bars and stats, over every session's trades",
                                ctx -> ctx.json(desk.accountPerformance()))
                        .returns(Performance.class),
                Route.of(GET, "/api/portfolio", "The account seen whole: every session's positions, equity, cash, gross and net exposure, exposure per ticker and sector",
                                ctx -> ctx.json(desk.accountPortfolio()))
                        .returns(AccountPortfolioView.class),
                Route.of(GET, "/api/risk", "The account's one-day VaR and Expected Shortfall at 95% and 99% (historical and parametric), stress results and correlations",
                                ctx -> ctx.json(desk.risk()))
                        .returns(RiskView.class),
                Route.of(GET, "/api/reasoning", "Who answers for each agent now, its model or its rules, and today's spending on models against the day's budget",
                                ctx -> ctx.json(desk.reasoning()))
                        .returns(ReasoningView.class),
                Route.of(GET, "/api/sessions/{id}/alerts", "The session's alerts", ctx -> ctx.json(desk.alerts(read.sessionId(ctx))))
                        .returnsListOf(AlertView.class),
                Route.of(GET, "/api/market/{ticker}/bars", "Recent bars for the chart", this::bars)
                        .returnsListOf(BarView.class)
                        .query("interval", "string", "1m (default) or 1d").query("count", "integer", "1-5000, default 300"),
                Route.of(GET, "/api/market/{ticker}/quote", "The latest quote", ctx -> ctx.json(desk.quote(read.ticker(ctx))))
                        .returns(QuoteView.class),
                Route.of(GET, "/api/tickers", "Tickers the market-data feed offers for a search, for the ticker box", this::searchTickers)
                        .returns(TickerSearchView.class)
                        .query("q", "string", "a symbol or a name, 1-" + MAX_SEARCH_TEXT + " characters").query("limit", "integer", "1-" + MAX_SEARCH_MATCHES + ", default 10"));
    }

    private void createSession(Context ctx) {
        RequestBodies.CreateSession body = read.body(ctx, RequestBodies.CreateSession.class);
        body.check();
        ctx.status(201).json(desk.createSession(tickerOf(body.ticker()), actor(ctx)));
    }

    private void watch(Context ctx) {
        SessionId id = read.sessionId(ctx);
        RequestBodies.WatchTicker body = read.body(ctx, RequestBodies.WatchTicker.class);
        body.check();
        ctx.json(desk.watch(id, tickerOf(body.ticker()), actor(ctx)));
    }

    private void unwatch(Context ctx) {
        SessionId id = read.sessionId(ctx);
        ctx.json(desk.unwatch(id, read.ticker(ctx), actor(ctx)));
    }

    private static Ticker tickerOf(String symbol) {
        try {
            return Ticker.of(symbol);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("ticker", "is not a ticker symbol such as AAPL");
        }
    }

    /** A command on a session that carries no data: the id from the path, an empty JSON object as the body. */
    private void bodilessCommand(Context ctx, java.util.function.BiFunction<SessionId, Actor, ?> command) {
        SessionId id = read.sessionId(ctx);
        read.body(ctx, RequestBodies.Empty.class);
        ctx.json(command.apply(id, actor(ctx)));
    }

    private void approve(Context ctx) {
        SessionId id = read.sessionId(ctx);
        RequestBodies.ApproveProposal body = read.body(ctx, RequestBodies.ApproveProposal.class);
        body.check();
        ctx.json(desk.approve(id, body.proposal(), actor(ctx)));
    }

    private void reject(Context ctx) {
        SessionId id = read.sessionId(ctx);
        RequestBodies.RejectProposal body = read.body(ctx, RequestBodies.RejectProposal.class);
        body.check();
        ctx.json(desk.reject(id, body.proposal(), body.reason(), actor(ctx)));
    }

    private void stop(Context ctx) { bodilessCommand(ctx, desk::stop); }

    private void archive(Context ctx) {
        SessionId id = read.sessionId(ctx);
        read.body(ctx, RequestBodies.Empty.class);
        desk.archive(id, actor(ctx));
        ctx.status(204);
    }

    private void updateConfig(Context ctx) {
        SessionId id = read.sessionId(ctx);
        AutoTradingConfigView config = read.body(ctx, AutoTradingConfigView.class);
        new FieldChecks()
                .decimal("maxPositionPct", config.maxPositionPct(), true, DecimalRange.PERCENT)
                .decimal("maxDailyLossPct", config.maxDailyLossPct(), true, DecimalRange.PERCENT)
                .required("maxTradesPerDay", config.maxTradesPerDay())
                .timeOfDay("tradingHoursStart", config.tradingHoursStart())
                .timeOfDay("tradingHoursEnd", config.tradingHoursEnd())
                .zone("timeZone", config.timeZone())
                .decimal("requireConfirmationAbove", config.requireConfirmationAbove(), true, DecimalRange.DOLLARS)
                .required("decisionTimeoutSeconds", config.decisionTimeoutSeconds())
                .required("quorum", config.quorum())
                .decimal("trailingStopPct", config.trailingStopPct(), false, DecimalRange.PERCENT)
                .required("flattenOnMaxLoss", config.flattenOnMaxLoss())
                .sizing(config.sizing())
                .orThrow();
        ctx.json(desk.updateConfig(id, config, actor(ctx)));
    }

    private void enableAutoTrading(Context ctx) {
        SessionId id = read.sessionId(ctx);
        RequestBodies.EnableAutoTrading body = read.body(ctx, RequestBodies.EnableAutoTrading.class);
        body.check();
        ctx.json(desk.enableAutoTrading(id, body.acceptedDisclosureVersion(), actor(ctx)));
    }

    private void disableAutoTrading(Context ctx) { bodilessCommand(ctx, desk::disableAutoTrading); }

    private void flatten(Context ctx) { bodilessCommand(ctx, desk::flatten); }

    private void closePosition(Context ctx) {
        SessionId id = read.sessionId(ctx);
        Ticker ticker = read.ticker(ctx);
        read.body(ctx, RequestBodies.Empty.class);
        ctx.json(desk.closePosition(id, ticker, actor(ctx)));
    }

    private void editStops(Context ctx) {
        SessionId id = read.sessionId(ctx);
        Ticker ticker = read.ticker(ctx);
        StopsChange change = read.body(ctx, StopsChange.class);
        new FieldChecks()
                .decimal("stopLoss", change.stopLoss(), false, DecimalRange.PRICE)
                .decimal("takeProfit", change.takeProfit(), false, DecimalRange.PRICE)
                .decimal("trailingStopPct", change.trailingStopPct(), false, DecimalRange.PERCENT)
                .orThrow();
        ctx.json(desk.editStops(id, ticker, change, actor(ctx)));
    }

    private void placeOrder(Context ctx) {
        SessionId id = read.sessionId(ctx);
        OrderTicketView ticket = read.body(ctx, OrderTicketView.class);
        new FieldChecks()
                .required("side", ticket.side())
                .required("type", ticket.type())
                .wholeNumber("quantity", ticket.quantity(), 1, MAX_TICKET_SHARES)
                .positivePrice("limitPrice", ticket.limitPrice(), false, DecimalRange.ORDER_PRICE)
                .positivePrice("stopLoss", ticket.stopLoss(), false, DecimalRange.ORDER_PRICE)
                .positivePrice("takeProfit", ticket.takeProfit(), false, DecimalRange.ORDER_PRICE)
                .orThrow();
        ctx.json(desk.placeOrder(id, ticket, actor(ctx)));
    }

    private void confirmLiveAccount(Context ctx) {
        RequestBodies.ConfirmLiveAccount body = read.body(ctx, RequestBodies.ConfirmLiveAccount.class);
        body.check();
        ctx.json(desk.confirmLiveAccount(body.accountNumber(), actor(ctx)));
    }

    private void confirm(Context ctx, boolean approve) {
        SessionId id = read.sessionId(ctx);
        String confirmationId = read.pathText(ctx, "cid", 64);
        read.body(ctx, RequestBodies.Empty.class);
        ctx.json(desk.confirm(id, confirmationId, approve, actor(ctx)));
    }

    private void decisions(Context ctx) {
        SessionId id = read.sessionId(ctx);
        DecisionFilter filter = decisionFilter(ctx);
        Paging paging = new Paging(read.intQuery(ctx, "limit", 50, 1, Paging.MAX_LIMIT), read.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        ctx.json(desk.decisions(id, filter, paging));
    }

    private void exportDecisions(Context ctx) throws JsonProcessingException {
        SessionId id = read.sessionId(ctx);
        String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
        if (!format.equals("csv") && !format.equals("json")) throw HttpProblem.badRequest("format", "must be csv or json");
        List<DecisionEntry> entries = desk.exportDecisions(id, decisionFilter(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"decisions-" + id + "." + format + "\"");
        if (format.equals("json")) {
            ctx.contentType("application/json").result(mapper.writeValueAsString(entries));
        } else {
            ctx.contentType("text/csv; charset=utf-8").result(DecisionCsv.write(entries));
        }
    }

    private DecisionFilter decisionFilter(Context ctx) {
        return new DecisionFilter(read.tickerQuery(ctx, "ticker").orElse(null), read.enumQuery(ctx, "outcome", Outcome.class).orElse(null),
                read.instantQuery(ctx, "from").orElse(null), read.instantQuery(ctx, "to").orElse(null));
    }

    private void messages(Context ctx) {
        SessionId id = read.sessionId(ctx);
        long afterSeq = read.longQuery(ctx, "afterSeq", 0);
        int limit = read.intQuery(ctx, "limit", 500, 1, MAX_MESSAGES);
        MessageFilter filter = new MessageFilter(read.enumQuery(ctx, "sender", AgentRole.class).orElse(null),
                read.enumQuery(ctx, "type", MessageType.class).orElse(null));
        ctx.json(desk.messages(id, afterSeq, limit, filter));
    }

    private void bars(Context ctx) {
        Ticker ticker = read.ticker(ctx);
        String rawInterval = ctx.queryParam("interval") == null ? "1m" : ctx.queryParam("interval");
        BarInterval interval = BarInterval.parse(rawInterval)
                .orElseThrow(() -> HttpProblem.badRequest("interval", "must be 1m or 1d"));
        ctx.json(desk.bars(ticker, interval, read.intQuery(ctx, "count", 300, 1, MAX_BARS)));
    }

    private void searchTickers(Context ctx) {
        String query = ctx.queryParam("q");
        if (query == null || query.isBlank() || query.length() > MAX_SEARCH_TEXT) {
            throw HttpProblem.badRequest("q", "a symbol or a name of 1-" + MAX_SEARCH_TEXT + " characters");
        }
        ctx.json(desk.searchTickers(query.strip(), read.intQuery(ctx, "limit", 10, 1, MAX_SEARCH_MATCHES)));
    }

    private static Actor actor(Context ctx) {
        return new Actor(USER, ctx.ip());
    }
}
