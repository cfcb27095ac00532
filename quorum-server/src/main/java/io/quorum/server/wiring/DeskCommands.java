package io.quorum.server.wiring;

import io.quorum.engine.desk.ConfirmationAnswer;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.LiveConfirmation;
import io.quorum.engine.desk.OrderTicket;
import io.quorum.engine.desk.TicketOutcome;
import io.quorum.engine.desk.PendingConfirmation;
import io.quorum.engine.desk.TickerRefusedException;
import io.quorum.engine.desk.WatchlistChange;
import io.quorum.engine.market.SymbolLookup;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.position.Protection;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.session.StopReason;
import io.quorum.engine.session.Transition;
import io.quorum.server.api.Actor;
import io.quorum.server.api.AutoTradingConfigView;
import io.quorum.server.api.BrokerAccountView;
import io.quorum.server.api.OrderTicketView;
import io.quorum.server.api.TicketReceipt;
import io.quorum.server.api.ConfirmationView;
import io.quorum.server.api.DeskException;
import io.quorum.server.api.PortfolioView;
import io.quorum.server.api.PositionView;
import io.quorum.server.api.RiskDisclosure;
import io.quorum.server.api.SessionView;
import io.quorum.server.api.StopsChange;
import java.util.function.Supplier;

/**
 * The desk's write side: each method checks what only the API can (the disclosure accepted, the
 * position there), runs one desk command on the engine loop and answers with the view of what
 * it changed. A refusal of the session's state machine is a {@link DeskException.Conflict}; a
 * command whose journal entry could not be written is a {@link DeskException.Unavailable}.
 */
final class DeskCommands {
    private final Desk desk;
    private final DeskQueries queries;
    private final RiskDisclosure disclosure;

    DeskCommands(Desk desk, DeskQueries queries, RiskDisclosure disclosure) {
        this.desk = desk;
        this.queries = queries;
        this.disclosure = disclosure;
    }

    /** A ticker the feed does not know is a 400 with the feed's answer; a provider that cannot be asked now, a 503. */
    SessionView createSession(Ticker ticker, Actor actor) {
        try {
            return journaled(() -> queries.view(desk.open(ticker, actor.name())));
        } catch (TickerRefusedException refused) {
            throw refusedByTheFeed(refused);
        }
    }

    /** As a session is opened: a ticker the feed does not know is a 400, a provider that cannot be asked now a 503; the desk's refusal a 409. */
    SessionView watch(SessionId id, Ticker ticker, Actor actor) {
        DeskSession session = queries.find(id);
        try {
            return journaled(() -> changed(session, session.watch(ticker, actor.name())));
        } catch (TickerRefusedException refused) {
            throw refusedByTheFeed(refused);
        }
    }

    SessionView unwatch(SessionId id, Ticker ticker, Actor actor) {
        DeskSession session = queries.find(id);
        return journaled(() -> changed(session, session.unwatch(ticker, actor.name())));
    }

    /** The ticker a ticket names, which must be on the session's watchlist; the session's own when it names none. */
    private static Ticker tradedBy(DeskSession session, String symbol) {
        if (symbol == null) return session.ticker();
        Ticker ticker;
        try {
            ticker = Ticker.of(symbol);
        } catch (IllegalArgumentException notASymbol) {
            throw DeskException.Invalid.of("ticker", "is not a ticker symbol such as AAPL");
        }
        if (!session.watches(ticker)) throw DeskException.Invalid.of("ticker", ticker + " is not on the session's watchlist; add it first");
        return ticker;
    }

    private SessionView changed(DeskSession session, WatchlistChange change) {
        if (change instanceof WatchlistChange.Refused refused) throw new DeskException.Conflict(refused.reason());
        return queries.view(session);
    }

    private static DeskException refusedByTheFeed(TickerRefusedException refused) {
        if (refused.lookup() instanceof SymbolLookup.Unavailable) return new DeskException.Unavailable(refused.getMessage());
        return DeskException.Invalid.of("ticker", refused.getMessage());
    }

    SessionView approve(SessionId id, ProposalId proposal, Actor actor) {
        DeskSession session = queries.find(id);
        return journaled(() -> moved(session, session.approve(proposal, actor.name())));
    }

    SessionView reject(SessionId id, ProposalId proposal, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) throw DeskException.Invalid.of("reason", "say what is wrong with the proposal");
        DeskSession session = queries.find(id);
        return journaled(() -> moved(session, session.reject(proposal, reason.strip(), actor.name())));
    }

    SessionView stop(SessionId id, Actor actor) {
        DeskSession session = queries.find(id);
        return journaled(() -> moved(session, session.stop(StopReason.USER, actor.name())));
    }

    void archive(SessionId id, Actor actor) {
        queries.find(id);
        journaled(() -> {
            desk.archive(id, actor.name()).ifPresent(refusal -> {
                throw new DeskException.Conflict("session " + id + " cannot be archived: " + refusal);
            });
            return null;
        });
    }

    AutoTradingConfigView updateConfig(SessionId id, AutoTradingConfigView view, Actor actor) {
        DeskSession session = queries.find(id);
        AutoTradingConfig config = ApiViews.config(view);
        session.reconfigure(config, actor.name());
        return ApiViews.config(session.config());
    }

    SessionView enableAutoTrading(SessionId id, String acceptedDisclosureVersion, Actor actor) {
        DeskSession session = queries.find(id);
        if (!disclosure.version().equals(acceptedDisclosureVersion)) {
            throw DeskException.Invalid.of("acceptedDisclosureVersion", "accept version " + disclosure.version() + " of the risk disclosure first");
        }
        if (session.state() == SessionState.PROPOSAL) throw new DeskException.Conflict("approve the proposal before switching auto-trading on");
        return journaled(() -> moved(session, session.enableAutoTrading(actor.name())));
    }

    SessionView disableAutoTrading(SessionId id, Actor actor) {
        DeskSession session = queries.find(id);
        return journaled(() -> moved(session, session.disableAutoTrading(actor.name())));
    }

    PortfolioView flatten(SessionId id, Actor actor) {
        DeskSession session = queries.find(id);
        session.flatten(actor.name());
        return queries.portfolio(id);
    }

    PortfolioView closePosition(SessionId id, Ticker ticker, Actor actor) {
        DeskSession session = queries.find(id);
        if (desk.position(id, ticker).isEmpty()) throw new DeskException.NotFound("position", ticker);
        session.closePosition(ticker, actor.name());
        return queries.portfolio(id);
    }

    /** Answers with the position as the loop has it after the edit, not as the last snapshot had it. */
    PositionView editStops(SessionId id, Ticker ticker, StopsChange change, Actor actor) {
        DeskSession session = queries.find(id);
        if (desk.position(id, ticker).isEmpty()) throw new DeskException.NotFound("position", ticker);
        Protection protection = ApiViews.protection(change);
        String refusal = session.editStops(ticker, protection, actor.name());
        if (refusal != null) throw DeskException.Invalid.of(refusal.contains("target") ? "takeProfit" : refusal.contains("trailing") ? "trailingStopPct" : "stopLoss", refusal);
        return desk.position(id, ticker).map(ApiViews::position).orElseThrow(() -> new DeskException.NotFound("position", ticker));
    }

    ConfirmationView confirm(SessionId id, String confirmationId, boolean approve, Actor actor) {
        queries.find(id);
        PendingConfirmation pending = desk.confirmations(id).stream().filter(c -> c.id().equals(confirmationId)).findFirst()
                .orElseThrow(() -> new DeskException.NotFound("pending confirmation", confirmationId));
        return switch (desk.confirm(id, confirmationId, approve, actor.name())) {
            case ConfirmationAnswer.Taken taken -> ApiViews.confirmation(pending, approve ? "APPROVED" : "DENIED");
            case ConfirmationAnswer.AnsweredBefore before -> throw new DeskException.Conflict("confirmation " + confirmationId + " was answered a moment ago: " + before.how());
            case ConfirmationAnswer.Ended ended -> throw new DeskException.Conflict("confirmation " + confirmationId + " ended a moment ago (" + ended.why() + "): no trade");
            case ConfirmationAnswer.Unknown unknown -> throw new DeskException.NotFound("pending confirmation", confirmationId);
        };
    }

    /** The ticket's order on the session's ticker; the edge has checked its shape and bounds. */
    TicketReceipt placeOrder(SessionId id, OrderTicketView view, Actor actor) {
        DeskSession session = queries.find(id);
        OrderTicket ticket = ApiViews.ticket(tradedBy(session, view.ticker()), view);
        return journaled(() -> switch (session.placeOrder(ticket, actor.name())) {
            case TicketOutcome.Sent sent -> TicketReceipt.sent(sent.clientOrderId().value(), sent.venueKeepsStops());
            case TicketOutcome.Refused refused -> TicketReceipt.refused(refused.reason().name(), refused.sentence());
        });
    }

    BrokerAccountView confirmLiveAccount(String accountNumber, Actor actor) {
        if (!desk.ports().broker().isLive()) throw new DeskException.Conflict("the paper account needs no confirmation: it trades no real money");
        return switch (desk.confirmLiveAccount(accountNumber, actor.name())) {
            case LiveConfirmation.Confirmed confirmed -> queries.brokerAccount();
            case LiveConfirmation.NotAwaited notAwaited -> queries.brokerAccount();
            case LiveConfirmation.Refused refused -> throw DeskException.Invalid.of("accountNumber", refused.sentence());
        };
    }

    /** A command whose journal entry could not be written is refused with 503, not a 500: the journal is down, not the request wrong. */
    private <T> T journaled(Supplier<T> command) {
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
        return queries.view(session);
    }
}
