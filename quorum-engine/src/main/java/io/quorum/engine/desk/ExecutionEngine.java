package io.quorum.engine.desk;

import io.quorum.engine.decision.DecisionLog;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.position.ExitReason;
import io.quorum.engine.position.ExitTriggered;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.risk.OrderIntent;
import io.quorum.engine.risk.PreTradeCheck;
import io.quorum.engine.risk.PreTradeContext;
import io.quorum.engine.risk.PreTradeResult;
import io.quorum.engine.risk.RiskEngine;
import io.quorum.engine.risk.RiskLimits;
import io.quorum.engine.risk.TradingState;
import io.quorum.engine.risk.TradingStateChange;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Turns decisions into orders, the way the Execution agent would: sizes the order, asks the
 * {@link RiskEngine} (with the limits in force at that moment), holds trades above the
 * confirmation threshold for the user, journals the intent durably, and only then sends the
 * order. Fills come back here, go into the position manager, and are announced as TRADE_EXECUTED.
 *
 * <p>Everything here runs on the engine loop. Orders that reduce a position (closes, flattens,
 * protective exits, REDUCE and CLOSE decisions) are sized to the position net of the orders
 * already working, so that two of them at once can never take it beyond flat.
 *
 * <p>The client order id of a decision's order is derived from the proposal ({@code q-<proposal>}),
 * so that executing the same decision twice can never place a second order.
 *
 * <p>An entry from flat with both a stop and a target goes as a {@link Bracket} when the broker
 * {@linkplain io.quorum.engine.port.Broker#keepsBrackets keeps brackets}: the venue then holds the
 * exits, and the position manager keeps none for that position, so that a stop is never sent twice.
 * Otherwise (the paper broker, a trailing stop, an entry onto a held position) the position
 * manager keeps the stops, as it always has. Which one keeps them is in the order itself.
 *
 * <p>The venue's exits are the entry's two {@link BracketLeg}s. A leg's fill is booked as the exit
 * it is (a stop-loss or take-profit, with its ALERT), and the other leg, cancelled by the venue,
 * ends quietly. The venue keeps them only while the desk leaves the position alone: before any
 * other order for it, and before its stops are edited, the desk cancels the legs, books what they
 * filled meanwhile, and keeps the stop and target itself. It takes them over too when the legs end
 * without filling (a day's legs expire at the close), so that a position is never left unprotected.
 */
public final class ExecutionEngine {
    static final BigDecimal PRICE_COLLAR_PCT = BigDecimal.valueOf(5);
    static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(5);

    private final Desk desk;
    private final RiskEngine risk;
    private final Map<ClientOrderId, Owner> owners = new HashMap<>();
    /** The legs of bracketed entries that the venue may still fill, by the leg's client order id. */
    private final Map<ClientOrderId, VenueExit> venueExits = new LinkedHashMap<>();
    private final Set<ClientOrderId> placementsOnRecord = new HashSet<>();
    private final Map<SessionId, Map<String, PendingConfirmation>> confirmations = new HashMap<>();
    /** How the latest confirmations ended, so that a late answer hears what happened; bounded. */
    private final Map<String, ConfirmationAnswer> ended = new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<String, ConfirmationAnswer> eldest) { return size() > 256; }
    };

    ExecutionEngine(Desk desk, RiskEngine risk) {
        this.desk = desk;
        this.risk = risk;
    }

    /**
     * Who an order belongs to, what it asks, the protection the position manager gives its fill
     * (null: none, the venue keeps the exits, or the order only reduces), and why it was sent.
     */
    private record Owner(DeskSession session, OrderRequest request, Protection protection, OrderIntent intent, String reason, OrderCause cause) {}

    /** One leg of a session's bracketed {@code entry}, kept at the venue. */
    private record VenueExit(DeskSession session, OrderRequest entry, BracketLeg leg) {
        ClientOrderId id() { return leg.of(entry.clientOrderId()); }

        ExitReason reason() { return leg == BracketLeg.STOP_LOSS ? ExitReason.STOP_LOSS : ExitReason.TAKE_PROFIT; }

        Price price() { return leg == BracketLeg.STOP_LOSS ? entry.bracket().stopLoss() : entry.bracket().takeProfit(); }
    }

    /**
     * The ids of the fills booked, so that a venue that tells of a fill again (its stream repeating
     * itself, or a broker adapter that started afresh with the desk) books nothing twice. Bounded:
     * the oldest ids go first, long after any venue would repeat them.
     */
    private final Set<String> bookedFills = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) { return size() > BOOKED_FILLS_KEPT; }
    });
    private static final int BOOKED_FILLS_KEPT = 100_000;

    /** Fills the journal holds already, booked before a restart. */
    void alreadyBooked(Collection<String> fillIds) { bookedFills.addAll(fillIds); }

    /** Carries out approved terms. {@code userApproved} marks the user's own approval of the analysis, which needs no switch. */
    void execute(DeskSession session, Proposal terms, boolean userApproved, String reason) {
        if (!userApproved && !session.isTradingAllowed()) {
            session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, terms.ticker(),
                    "Not executing \"" + terms.text() + "\": " + RejectReason.AUTO_TRADING_DISABLED.sentence() + "."));
            return;
        }
        Ticker ticker = terms.ticker();
        if (terms.action() == TradeAction.ADJUST_STOPS) {
            protect(session, ticker, new Protection(terms.stop(), terms.target(), terms.trailingStopPct()), reason);
            return;
        }
        releaseVenueExits(session, ticker, "to carry out \"" + terms.text() + "\"");
        long held = held(session.id(), ticker);
        Side side;
        long quantity;
        OrderIntent intent = terms.action().addsExposure() ? OrderIntent.OPEN : OrderIntent.REDUCE;
        if (intent == OrderIntent.OPEN) {
            side = terms.direction() == Direction.LONG ? Side.BUY : Side.SELL;
            quantity = terms.size().sharesGiven(held);
        } else {
            long open = openAfterWorking(session.id(), ticker);
            side = open > 0 ? Side.SELL : Side.BUY;
            quantity = Math.min(Math.abs(open), terms.size().sharesGiven(held));
        }
        if (quantity <= 0) {
            session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, ticker, "Nothing to execute for \"" + terms.text()
                    + "\": the size comes to 0 shares" + (intent == OrderIntent.OPEN ? "." : " once the orders already working are done.")));
            return;
        }
        OrderRequest order = OrderRequest.market(DecisionLog.decisionOrderId(terms.id()), ticker, side, quantity);
        if (intent == OrderIntent.OPEN) order = withVenueExits(order, held, terms.stop(), terms.target(), terms.trailingStopPct());
        if (!passes(session, order, intent, userApproved || session.isTradingAllowed(), terms.id())) return;

        Money notional = desk.lastPrice(ticker).map(p -> p.times(quantity)).orElse(terms.entry().times(quantity));
        if (!userApproved && intent == OrderIntent.OPEN && notional.compareTo(session.config().requireConfirmationAbove()) > 0) {
            awaitConfirmation(session, terms, order, notional, reason);
            return;
        }
        place(session, order, terms, intent, reason, OrderCause.DECISION);
    }

    /**
     * The user's own order from the ticket, through the same checks and path as a decision's: the
     * switch (it needs auto-trading on), the trading state, the limits and the hours. It adds
     * exposure unless it only makes the position smaller, net of the orders already working.
     */
    CompletableFuture<TicketOutcome> order(DeskSession session, OrderTicket ticket, String actor) {
        Ticker ticker = ticket.ticker();
        ClientOrderId id = ClientOrderId.of("m-" + UUID.randomUUID());
        releaseVenueExits(session, ticker, "for the order from the ticket");
        OrderRequest order = ticket.type() == OrderType.LIMIT ? OrderRequest.limit(id, ticker, ticket.side(), ticket.quantity(), ticket.limitPrice())
                : OrderRequest.market(id, ticker, ticket.side(), ticket.quantity());
        long held = held(session.id(), ticker);
        OrderIntent intent = PreTradeCheck.onlyReduces(order, held + risk.workingQuantity(session.id(), ticker)) ? OrderIntent.REDUCE : OrderIntent.OPEN;
        if (intent == OrderIntent.OPEN) order = withVenueExits(order, held, ticket.stopLoss(), ticket.takeProfit(), null);
        desk.journal(session.id(), new JournalEvent.UserAction(actor, JournalEvent.UserAction.Action.PLACE_ORDER, describe(order)));
        PreTradeResult.Refused refused = refusal(session, order, intent, session.isTradingAllowed(), null);
        if (refused != null) return CompletableFuture.completedFuture(new TicketOutcome.Refused(refused.reason(), refused.sentence()));
        Protection protection = intent == OrderIntent.OPEN && order.bracket() == null ? ticketProtection(session, ticket) : null;
        CompletableFuture<TicketOutcome> outcome = new CompletableFuture<>();
        boolean venueKeepsStops = order.bracket() != null;
        place(session, order, null, protection, intent, OrderCause.MANUAL_REASON + actor, OrderCause.MANUAL, rejected -> outcome.complete(
                rejected == null ? new TicketOutcome.Sent(id, venueKeepsStops) : new TicketOutcome.Refused(rejected.reason(), rejected.detail())));
        return outcome;
    }

    /**
     * What the ticket's fill protects its position with: the stop and target it names, the
     * position's own for what it leaves out; null (the position keeps what it has) when it names neither.
     */
    private Protection ticketProtection(DeskSession session, OrderTicket ticket) {
        if (ticket.stopLoss() == null && ticket.takeProfit() == null) return null;
        Protection held = desk.position(session.id(), ticket.ticker()).map(Position::protection).orElse(Protection.NONE);
        return new Protection(ticket.stopLoss() != null ? ticket.stopLoss() : held.stopLoss(),
                ticket.takeProfit() != null ? ticket.takeProfit() : held.takeProfit(), held.trailingStopPct());
    }

    /**
     * The entry with its exits as a bracket, when the venue keeps brackets and the desk would
     * otherwise keep a plain stop and target for a new position; else the entry as it was.
     */
    private OrderRequest withVenueExits(OrderRequest entry, long held, Price stop, Price target, BigDecimal trailingStopPct) {
        if (!desk.ports().broker().keepsBrackets() || held != 0 || stop == null || target == null || trailingStopPct != null) return entry;
        boolean fits = entry.side() == Side.BUY ? target.isAbove(stop) : target.isBelow(stop);
        return fits ? entry.withBracket(new Bracket(target, stop)) : entry;
    }

    /**
     * A stop, target or trailing stop was crossed: leave at once, without a vote, with what is not
     * already being closed. The order goes first and the ALERT after it, so that telling the desk
     * never delays the exit; the fill, which comes later, is announced after both.
     */
    void exit(ExitTriggered exit) {
        Optional<DeskSession> session = desk.session(exit.session());
        if (session.isEmpty()) return;
        long open = openAfterWorking(exit.session(), exit.ticker());
        if (open != 0) {
            OrderRequest order = OrderRequest.market(ClientOrderId.of("x-" + UUID.randomUUID()), exit.ticker(), open > 0 ? Side.SELL : Side.BUY, Math.abs(open));
            if (passes(session.get(), order, OrderIntent.EXIT, true, null)) place(session.get(), order, null, null, OrderIntent.EXIT, exit.reason().sentence(), exit.reason().cause(), refused -> { });
            else desk.rearm(exit.session(), exit.ticker());
        }
        session.get().say(AgentRole.RISK, new Alert(alertKind(exit), Alert.Severity.WARNING, exit.ticker(), exit.text()));
    }

    void flatten(DeskSession session, OrderCause cause, String reason) {
        for (Position position : desk.positions(session.id())) close(session, position.ticker(), cause, reason);
    }

    /** Closes what is still open of the position once the orders already working are done; false when nothing is left to close. */
    boolean close(DeskSession session, Ticker ticker, OrderCause cause, String reason) {
        releaseVenueExits(session, ticker, "to close the position");
        long open = openAfterWorking(session.id(), ticker);
        if (open == 0) {
            session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, ticker,
                    "Nothing to close in " + ticker + ": " + (held(session.id(), ticker) == 0 ? "no position is open." : "the orders already working close it.")));
            return false;
        }
        OrderRequest order = OrderRequest.market(ClientOrderId.of("c-" + UUID.randomUUID()), ticker, open > 0 ? Side.SELL : Side.BUY, Math.abs(open));
        if (!passes(session, order, OrderIntent.EXIT, true, null)) return false;
        place(session, order, null, null, OrderIntent.EXIT, reason, cause, refused -> { });
        return true;
    }

    void protect(DeskSession session, Ticker ticker, Protection protection, String reason) {
        releaseVenueExits(session, ticker, "to change them");
        String outcome = desk.protect(session.id(), ticker, protection);
        session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.POSITION, ticker,
                outcome == null ? "Protection of " + ticker + " updated: " + describe(protection) + " (" + reason + ")." : "Protection not changed: " + outcome + "."));
    }

    List<PendingConfirmation> confirmations(SessionId session) {
        return List.copyOf(confirmations.getOrDefault(session, Map.of()).values());
    }

    /**
     * The user's answer to a held trade; what happened to it when it came too late. A
     * confirmed trade is checked again as if it were new: the switch, the trading state, the
     * limits, the hours and the price may all have changed during the wait.
     */
    ConfirmationAnswer confirm(DeskSession session, String confirmationId, boolean approve, String actor) {
        Map<String, PendingConfirmation> pending = confirmations.get(session.id());
        PendingConfirmation confirmation = pending == null ? null : pending.remove(confirmationId);
        if (confirmation == null) {
            ConfirmationAnswer before = ended.get(confirmationId);
            return before != null ? before : new ConfirmationAnswer.Unknown();
        }
        if (pending.isEmpty()) confirmations.remove(session.id());
        ended.put(confirmationId, new ConfirmationAnswer.AnsweredBefore((approve ? "confirmed by " : "declined by ") + actor));
        OrderRequest order = confirmation.order();
        desk.journal(session.id(), new JournalEvent.UserAction(actor, approve ? JournalEvent.UserAction.Action.CONFIRM_TRADE : JournalEvent.UserAction.Action.DENY_TRADE,
                order.side() + " " + order.quantity() + " " + order.ticker()));
        if (!approve) {
            reject(session, order, confirmation.proposalId(), RejectReason.CONFIRMATION_DENIED, "declined by " + actor);
            return new ConfirmationAnswer.Taken();
        }
        if (passes(session, order, OrderIntent.OPEN, session.isTradingAllowed(), confirmation.proposalId())) {
            place(session, order, confirmation.terms(), OrderIntent.OPEN, confirmation.reason() + ", confirmed by " + actor, OrderCause.DECISION);
        }
        return new ConfirmationAnswer.Taken();
    }

    void dropConfirmations(DeskSession session, String why) {
        Map<String, PendingConfirmation> pending = confirmations.remove(session.id());
        if (pending == null) return;
        for (PendingConfirmation confirmation : pending.values()) {
            ended.put(confirmation.id(), new ConfirmationAnswer.Ended(why));
            reject(session, confirmation.order(), confirmation.proposalId(), RejectReason.AUTO_TRADING_DISABLED, why);
        }
    }

    /** Drops held trades whose time is up: no answer means no trade. */
    void expireConfirmations() {
        if (confirmations.isEmpty()) return;
        Instant now = desk.ports().userClock().now();
        for (Map.Entry<SessionId, Map<String, PendingConfirmation>> entry : List.copyOf(confirmations.entrySet())) {
            for (PendingConfirmation confirmation : List.copyOf(entry.getValue().values())) {
                if (now.isBefore(confirmation.expiresAt())) continue;
                entry.getValue().remove(confirmation.id());
                ended.put(confirmation.id(), new ConfirmationAnswer.Ended("no answer within " + desk.settings().confirmationTimeout().toSeconds() + " s"));
                desk.session(entry.getKey()).ifPresent(session -> reject(session, confirmation.order(), confirmation.proposalId(),
                        RejectReason.CONFIRMATION_TIMED_OUT, "no answer within " + desk.settings().confirmationTimeout().toSeconds() + " s"));
            }
            if (entry.getValue().isEmpty()) confirmations.remove(entry.getKey());
        }
    }

    /**
     * What the venue reports about an order: fills go into the positions; a rejection (also a late
     * one, after an accept), a cancel or an expiry frees what was still working, and a protective
     * exit that did not complete lets its position fire again.
     */
    void onOrderEvent(OrderEvent event) {
        switch (event) {
            case OrderEvent.Accepted accepted -> {
                // an answer to the submit that comes later than the venue's own word must not leave the journal without the placement
                Owner owner = owners.get(accepted.clientOrderId());
                if (owner != null) recordPlacement(owner.session(), new Order(accepted.brokerOrderId(), owner.request(), OrderStatus.ACCEPTED, List.of(), ""));
            }
            case OrderEvent.PartiallyFilled partial -> onFill(partial.fill());
            case OrderEvent.Filled filled -> {
                onFill(filled.fill());
                VenueExit leg = venueExits.remove(filled.clientOrderId());
                if (leg != null) forget(leg.id());
            }
            case OrderEvent.Rejected rejected -> ended(rejected.clientOrderId(), rejected.reason(), rejected.detail(), rejected.filledQuantity(), "rejected");
            case OrderEvent.Cancelled cancelled -> ended(cancelled.clientOrderId(), null, "cancelled at the venue", cancelled.filledQuantity(), "cancelled");
            case OrderEvent.Expired expired -> ended(expired.clientOrderId(), null, "the day ended before it filled", expired.filledQuantity(), "expired");
        }
    }

    /** An order ended without filling the rest. A rejection the desk already heard of at submission is not told twice. */
    private void ended(ClientOrderId id, RejectReason reason, String detail, long filledQuantity, String how) {
        VenueExit leg = venueExits.remove(id);
        if (leg != null) {
            forget(id);
            if (!venueExits.containsKey(leg.leg().sibling().of(leg.entry().clientOrderId()))) takeOverExits(leg.session(), leg.entry(), "the venue's legs ended: " + how);
            return;
        }
        Owner owner = owners.get(id);
        if (owner == null) return;
        if (!risk.isWorking(id)) {
            // a leg the desk cancelled itself, or an order whose end it has handled already
            forget(id);
            return;
        }
        risk.done(id);
        forget(id);
        DeskSession session = owner.session();
        Ticker ticker = owner.request().ticker();
        if (reason != null) desk.journal(session.id(), new JournalEvent.OrderRejected(id, reason, detail));
        session.say(owner.intent() == OrderIntent.EXIT ? AgentRole.RISK : AgentRole.EXECUTION, new Alert(Alert.AlertKind.ORDER_REJECTED, Alert.Severity.WARNING, ticker,
                "Order " + id.value() + " " + how + (filledQuantity > 0 ? " after " + filledQuantity + " shares filled" : "") + ": "
                        + (reason == null ? detail : reason.sentence() + " (" + detail + ")") + "."));
        if (owner.intent() == OrderIntent.EXIT) desk.rearm(session.id(), ticker);
        desk.positionsChanged(session.id());
    }

    /** A fill from the broker: into the positions, then announced; a fill already booked moves nothing. */
    void onFill(Fill fill) {
        if (!bookedFills.add(fill.fillId())) return;
        Owner owner = owners.get(fill.clientOrderId());
        if (owner == null) {
            desk.reportProblem(null, "a fill for an order the desk did not place: " + fill.clientOrderId());
            return;
        }
        DeskSession session = owner.session();
        VenueExit leg = venueExits.get(fill.clientOrderId());
        if (leg != null) {
            session.say(AgentRole.RISK, new Alert(leg.reason() == ExitReason.STOP_LOSS ? Alert.AlertKind.STOP_LOSS_TRIGGERED : Alert.AlertKind.TAKE_PROFIT_TRIGGERED,
                    Alert.Severity.WARNING, fill.ticker(), fill.ticker() + ": the " + (leg.reason() == ExitReason.STOP_LOSS ? "stop-loss" : "take-profit")
                    + " the venue keeps at $" + leg.price() + " filled " + fill.quantity() + " shares at $" + fill.price() + "."));
        }
        risk.filled(fill.clientOrderId(), fill.quantity());
        desk.journal(session.id(), new JournalEvent.OrderFilled(fill));
        Position position = desk.applyFill(session.id(), fill, owner.protection());
        desk.journal(session.id(), positionChanged(fill.ticker(), position));
        desk.refreshAccount();
        String verb = fill.side() == Side.BUY ? "Bought " : "Sold ";
        String text = verb + fill.quantity() + " " + fill.ticker() + " at $" + fill.price() + " (" + owner.reason() + ")"
                + (position == null ? "; position closed." : "; now " + (position.direction() == Direction.LONG ? "long " : "short ") + position.quantity() + ".");
        session.say(AgentRole.EXECUTION, new Update(Update.UpdateKind.TRADE_EXECUTED, fill.ticker(),
                new Execution(fill.clientOrderId().value(), fill.ticker(), fill.side(), fill.quantity(), fill.price(), owner.reason(), owner.cause()), text));
        if (!risk.isWorking(fill.clientOrderId()) && leg == null) forget(fill.clientOrderId());
        desk.positionsChanged(session.id());
    }

    /**
     * After a restart: the legs of a bracketed entry that the venue may still fill are the desk's
     * to hear of again, and what they filled while it was down is booked now. When they ended
     * unfilled meanwhile and {@code latest} (no later order for the ticker), the desk takes the stops over.
     */
    void adoptVenueExits(DeskSession session, OrderRequest entry, Order entryAtBroker, boolean latest) {
        if (entry.bracket() == null) return;
        boolean entryWorks = !entryAtBroker.status().isFinal();
        for (BracketLeg kind : BracketLeg.values()) {
            VenueExit leg = new VenueExit(session, entry, kind);
            Optional<Order> atBroker = desk.ports().broker().findByClientOrderId(leg.id());
            if (atBroker.isEmpty() && !entryWorks) continue;
            follow(leg);
            atBroker.ifPresent(order -> {
                recordPlacement(session, order);
                for (Fill fill : order.fills()) onFill(fill);
                if (order.status().isFinal()) {
                    venueExits.remove(leg.id());
                    forget(leg.id());
                }
            });
        }
        boolean legsWork = Arrays.stream(BracketLeg.values()).anyMatch(kind -> venueExits.containsKey(kind.of(entry.clientOrderId())));
        if (latest && !legsWork) takeOverExits(session, entry, "the venue's legs ended while the desk was stopped");
    }

    private void follow(VenueExit leg) {
        venueExits.put(leg.id(), leg);
        owners.put(leg.id(), new Owner(leg.session(), leg.leg().order(leg.entry(), leg.entry().quantity()), null, OrderIntent.EXIT,
                leg.reason().sentence() + " at the venue", leg.reason().cause()));
    }

    /**
     * Before the desk itself acts on a position whose exits the venue keeps: cancels the legs, books
     * what they filled before the cancel, and keeps their stop and target at the desk from now on,
     * so that no order of the desk's and no leg of the venue's can ever sell the same shares twice.
     */
    void releaseVenueExits(DeskSession session, Ticker ticker, String why) {
        OrderRequest entry = null;
        for (VenueExit leg : List.copyOf(venueExits.values())) {
            if (!leg.session().id().equals(session.id()) || !leg.entry().ticker().equals(ticker)) continue;
            entry = leg.entry();
            venueExits.remove(leg.id());
            desk.ports().broker().cancel(leg.id());
            desk.ports().broker().findByClientOrderId(leg.id()).ifPresent(order -> {
                for (Fill fill : order.fills()) onFill(fill);
            });
        }
        if (entry != null) takeOverExits(session, entry, "cancelled at the venue " + why);
    }

    /** The position the bracket protected, if still open and unprotected, gets the bracket's stop and target at the desk. */
    private void takeOverExits(DeskSession session, OrderRequest entry, String why) {
        Ticker ticker = entry.ticker();
        Optional<Position> position = desk.position(session.id(), ticker);
        if (position.isEmpty() || !position.get().protection().equals(Protection.NONE)) return;
        Protection bracket = new Protection(entry.bracket().stopLoss(), entry.bracket().takeProfit(), null);
        String refused = desk.protect(session.id(), ticker, bracket);
        if (refused == null) desk.position(session.id(), ticker).ifPresent(now -> desk.journal(session.id(), positionChanged(ticker, now)));
        session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.POSITION, ticker, refused == null
                ? "The venue no longer keeps the exits of " + ticker + " (" + why + "): the desk keeps " + describe(bracket) + " now."
                : "The venue no longer keeps the exits of " + ticker + " (" + why + ") and the desk could not take them over: " + refused + "."));
    }

    /**
     * After a restart: fills of an order placed before the crash still belong to its session, and
     * an order still resting at the broker works again in the RiskEngine's books.
     */
    void adopt(DeskSession session, JournalEvent.OrderIntended intent, Proposal terms, Order atBroker) {
        OrderIntent purpose = terms != null && terms.action().addsExposure() ? OrderIntent.OPEN : OrderIntent.EXIT;
        // the desk's own record of the order says whether the venue keeps its exits: a venue's answer may leave the legs out
        Protection protection = purpose == OrderIntent.OPEN && intent.request().bracket() == null ? protectionOf(terms) : null;
        // The journal keeps an order's reason in words: its cause is read from them.
        owners.putIfAbsent(intent.clientOrderId(), new Owner(session, intent.request(), protection, purpose, intent.reason(), OrderCause.ofRecordedReason(intent.reason())));
        if (!atBroker.status().isFinal()) {
            OrderRequest request = atBroker.request();
            long remaining = request.quantity() - atBroker.filledQuantity();
            if (remaining > 0) risk.resumeWorking(session.id(), request, remaining, purpose, reservationPrice(request));
        }
    }

    /** Refuses orders that add exposure while the desk and the broker disagree about positions. */
    Optional<TradingStateChange> reduceOnly(SessionId session, String why) { return risk.changeState(session, TradingState.REDUCING, why); }

    Optional<TradingStateChange> resume(SessionId session, String why) { return risk.changeState(session, TradingState.ACTIVE, why); }

    Optional<TradingStateChange> halt(SessionId session, String why) { return risk.changeState(session, TradingState.HALTED, why); }

    int tradesToday(SessionId session) { return risk.tradesToday(session); }

    /** A decision's order: its fill carries the decision's stops, unless the venue keeps them in the order's bracket. */
    private void place(DeskSession session, OrderRequest order, Proposal terms, OrderIntent intent, String reason, OrderCause cause) {
        Protection protection = terms == null || order.bracket() != null ? null : protectionOf(terms);
        place(session, order, terms, protection, intent, reason, cause, refused -> { });
    }

    /**
     * Sends {@code order}, its intent durable first. {@code answered} hears the broker's refusal
     * (null when it took the order) once the broker has answered: at once from a broker that answers
     * in-process, else later, on the loop, while the loop goes on with everything else.
     */
    private void place(DeskSession session, OrderRequest order, Proposal terms, Protection protection, OrderIntent intent, String reason, OrderCause cause,
                       Consumer<Submission.Rejected> answered) {
        owners.put(order.clientOrderId(), new Owner(session, order, protection, intent, reason, cause));
        if (order.bracket() != null) for (BracketLeg leg : BracketLeg.values()) follow(new VenueExit(session, order, leg));
        // The intent is on disk before the order leaves: a crash now cannot lose or double it.
        desk.journalDurably(session.id(), new JournalEvent.OrderIntended(order, terms == null ? null : terms.id(), reason));
        risk.sent(session.id(), order, intent, reservationPrice(order));
        desk.positionsChanged(session.id());
        desk.brokerCalls().ask("sending " + order.clientOrderId(), () -> desk.ports().broker().submit(order),
                submission -> answered.accept(submitted(session, order, terms, intent, submission)));
    }

    /** What the broker answered to {@code order}: its placement on record, or its refusal, which frees what it held. */
    private Submission.Rejected submitted(DeskSession session, OrderRequest order, Proposal terms, OrderIntent intent, Submission submission) {
        return switch (submission) {
            case Submission.Accepted accepted -> {
                recordPlacement(session, accepted.order());
                yield null;
            }
            case Submission.Rejected rejected -> {
                if (!risk.isWorking(order.clientOrderId())) yield rejected; // the venue's Rejected event came first and freed it
                risk.done(order.clientOrderId());
                forget(order.clientOrderId());
                for (BracketLeg leg : BracketLeg.values()) {
                    venueExits.remove(leg.of(order.clientOrderId()));
                    forget(leg.of(order.clientOrderId()));
                }
                reject(session, order, terms == null ? null : terms.id(), rejected.reason(), rejected.detail());
                if (intent == OrderIntent.EXIT) desk.rearm(session.id(), order.ticker());
                yield rejected;
            }
        };
    }

    private static Protection protectionOf(Proposal terms) {
        return terms == null ? null : new Protection(terms.stop(), terms.target(), terms.trailingStopPct());
    }

    private void forget(ClientOrderId id) {
        owners.remove(id);
        placementsOnRecord.remove(id);
    }

    /**
     * Journals an order's placement once. A broker may fill a market order before {@code submit}
     * returns, so the fill records the placement first: the journal never shows a fill before its order.
     */
    private void recordPlacement(DeskSession session, Order order) {
        if (placementsOnRecord.add(order.clientOrderId())) desk.journal(session.id(), new JournalEvent.OrderPlaced(order));
    }

    /** Asks the RiskEngine about {@code order} with what the desk knows now; a refusal is journaled and said. */
    private boolean passes(DeskSession session, OrderRequest order, OrderIntent intent, boolean authorised, ProposalId proposalId) {
        return refusal(session, order, intent, authorised, proposalId) == null;
    }

    /** The RiskEngine's refusal of {@code order}, journaled and said; null when it passes. */
    private PreTradeResult.Refused refusal(DeskSession session, OrderRequest order, OrderIntent intent, boolean authorised, ProposalId proposalId) {
        AutoTradingConfig config = session.config();
        RiskLimits limits = new RiskLimits(config.maxPositionPct(), config.maxDailyLossPct(), config.maxTradesPerDay(), PRICE_COLLAR_PCT, DUPLICATE_WINDOW);
        boolean open = intent == OrderIntent.EXIT ? desk.ports().calendar().isOpen(desk.clock().now()) : desk.withinTradingHours(config);
        PreTradeContext context = new PreTradeContext(intent, limits, desk.equity(), held(session.id(), order.ticker()), desk.lastPrice(order.ticker()).orElse(null),
                risk.tradesToday(session.id()), desk.buyingPower(), desk.pnl(session.id()).daily(), authorised, open);
        if (risk.check(session.id(), order, context) instanceof PreTradeResult.Refused refused) {
            reject(session, order, proposalId, refused.reason(), refused.sentence());
            return refused;
        }
        return null;
    }

    /** What a share of {@code order} will cost when it fills: its limit, else the last price; null when none is known yet. */
    private Price reservationPrice(OrderRequest order) {
        if (order.type() == OrderType.LIMIT) return order.limitPrice();
        return desk.lastPrice(order.ticker()).orElse(null);
    }

    private long held(SessionId session, Ticker ticker) {
        return desk.position(session, ticker).map(Position::signedQuantity).orElse(0L);
    }

    /** What the position will be once every order already working for it has filled. */
    private long openAfterWorking(SessionId session, Ticker ticker) {
        long held = held(session, ticker);
        long open = held + risk.workingQuantity(session, ticker);
        return Long.signum(open) == Long.signum(held) ? open : 0;
    }

    private void awaitConfirmation(DeskSession session, Proposal terms, OrderRequest order, Money notional, String reason) {
        Instant expiresAt = desk.ports().userClock().now().plus(desk.settings().confirmationTimeout());
        PendingConfirmation confirmation = new PendingConfirmation("c-" + terms.id(), terms, order, notional, expiresAt, reason);
        confirmations.computeIfAbsent(session.id(), id -> new HashMap<>()).put(confirmation.id(), confirmation);
        session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.CONFIRMATION_REQUESTED, order.ticker(),
                "Waiting for your confirmation: " + order.side() + " " + order.quantity() + " " + order.ticker() + " ($" + notional
                        + ") is above your $" + session.config().requireConfirmationAbove() + " threshold. No answer within "
                        + desk.settings().confirmationTimeout().toSeconds() + " s means no trade."));
    }

    private void reject(DeskSession session, OrderRequest order, ProposalId proposalId, RejectReason reason, String detail) {
        desk.journal(session.id(), new JournalEvent.OrderRejected(order.clientOrderId(), reason, detail));
        AgentRole speaker = switch (reason) {
            case MAX_POSITION_EXCEEDED, MAX_GROSS_EXPOSURE, MAX_NET_EXPOSURE, MAX_SECTOR_EXPOSURE, MAX_VALUE_AT_RISK, MAX_STRESS_LOSS, MAX_TRADES_PER_DAY, MAX_DAILY_LOSS, INSUFFICIENT_BUYING_POWER, REDUCE_ONLY, TRADING_HALTED, BEYOND_POSITION -> AgentRole.RISK;
            default -> AgentRole.EXECUTION;
        };
        session.say(speaker, new Alert(Alert.AlertKind.ORDER_REJECTED, Alert.Severity.WARNING, order.ticker(),
                "No trade: " + order.side() + " " + order.quantity() + " " + order.ticker() + " refused because " + reason.sentence() + " (" + detail + ")."));
    }

    static JournalEvent.PositionChanged positionChanged(Ticker ticker, Position position) {
        if (position == null) return new JournalEvent.PositionChanged(ticker, 0, null, null, null, null, null);
        Protection protection = position.protection();
        return new JournalEvent.PositionChanged(ticker, position.signedQuantity(), Price.of(position.averageEntry()),
                protection.stopLoss(), protection.takeProfit(), protection.trailingStopPct(), position.waterMark());
    }

    private static Alert.AlertKind alertKind(ExitTriggered exit) {
        return switch (exit.reason()) {
            case STOP_LOSS -> Alert.AlertKind.STOP_LOSS_TRIGGERED;
            case TAKE_PROFIT -> Alert.AlertKind.TAKE_PROFIT_TRIGGERED;
            case TRAILING_STOP -> Alert.AlertKind.TRAILING_STOP_TRIGGERED;
        };
    }

    /** An order in words: "BUY 10 AAPL at market", "SELL 5 AAPL limit $101.00, stop $95.00 and target $110.00 at the venue". */
    static String describe(OrderRequest order) {
        String price = order.type() == OrderType.LIMIT ? "limit $" + order.limitPrice() : "at market";
        String exits = order.bracket() == null ? "" : ", stop $" + order.bracket().stopLoss() + " and target $" + order.bracket().takeProfit() + " at the venue";
        return order.side() + " " + order.quantity() + " " + order.ticker() + " " + price + exits;
    }

    static String describe(Protection protection) {
        List<String> parts = new ArrayList<>();
        if (protection.stopLoss() != null) parts.add("stop $" + protection.stopLoss());
        if (protection.takeProfit() != null) parts.add("target $" + protection.takeProfit());
        if (protection.trailingStopPct() != null) parts.add("trailing " + protection.trailingStopPct().toPlainString() + "%");
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
