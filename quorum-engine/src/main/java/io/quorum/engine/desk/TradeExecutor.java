package io.quorum.engine.desk;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.position.ExitTriggered;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.risk.PreTradeCheck;
import io.quorum.engine.risk.PreTradeContext;
import io.quorum.engine.risk.PreTradeResult;
import io.quorum.engine.risk.RiskLimits;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns decisions into orders, the way the Execution agent would: sizes the order, runs the
 * pre-trade checks, holds trades above the confirmation threshold for the user, journals the
 * intent durably, and only then sends the order. Fills come back here, go into the position
 * manager, and are announced as TRADE_EXECUTED.
 *
 * <p>The client order id of a decision's order is derived from the proposal ({@code q-<proposal>}),
 * so that executing the same decision twice can never place a second order.
 */
public final class TradeExecutor {
    static final BigDecimal PRICE_COLLAR_PCT = BigDecimal.valueOf(5);
    static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(5);

    private final Desk desk;
    private final Map<ClientOrderId, Owner> owners = new ConcurrentHashMap<>();
    private final Set<ClientOrderId> placementsOnRecord = ConcurrentHashMap.newKeySet();
    private final Map<SessionId, Map<String, PendingConfirmation>> confirmations = new ConcurrentHashMap<>();
    private final Map<SessionId, PreTradeCheck> checks = new ConcurrentHashMap<>();
    private final Map<SessionId, TradeCount> tradesToday = new ConcurrentHashMap<>();
    private final Map<SessionId, String> haltedSessions = new ConcurrentHashMap<>();

    TradeExecutor(Desk desk) { this.desk = desk; }

    /** Who an order belongs to, what protection its fill should carry, and why it was sent. */
    private record Owner(DeskSession session, Proposal terms, boolean addsExposure, String reason) {}

    private record TradeCount(LocalDate day, int count) {}

    /** Carries out approved terms. {@code userApproved} marks the user's own approval of the analysis, which needs no switch. */
    void execute(DeskSession session, Proposal terms, boolean userApproved, String reason) {
        if (!userApproved && !session.isTradingAllowed()) {
            session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, terms.ticker(),
                    "Not executing \"" + terms.text() + "\": " + RejectReason.AUTO_TRADING_DISABLED.sentence() + "."));
            return;
        }
        Ticker ticker = terms.ticker();
        long held = desk.position(session.id(), ticker).map(Position::signedQuantity).orElse(0L);
        if (terms.action() == TradeAction.ADJUST_STOPS) {
            protect(session, ticker, new Protection(terms.stop(), terms.target(), terms.trailingStopPct()), reason);
            return;
        }
        Side side;
        long quantity;
        if (terms.action().addsExposure()) {
            side = terms.direction() == Direction.LONG ? Side.BUY : Side.SELL;
            quantity = terms.size().sharesGiven(held);
        } else {
            side = held > 0 ? Side.SELL : Side.BUY;
            quantity = Math.min(Math.abs(held), terms.size().sharesGiven(held));
        }
        if (quantity <= 0) {
            session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, ticker, "Nothing to execute for \"" + terms.text() + "\": the size comes to 0 shares."));
            return;
        }
        OrderRequest order = OrderRequest.market(io.quorum.engine.journal.DecisionLog.decisionOrderId(terms.id()), ticker, side, quantity);
        String halted = haltedSessions.get(session.id());
        if (halted != null && terms.action().addsExposure()) {
            reject(session, order, terms.id(), RejectReason.REDUCE_ONLY, halted);
            return;
        }
        if (!passesChecks(session, order, terms.id())) return;

        AutoTradingConfig config = session.config();
        Money notional = desk.lastPrice(ticker).map(p -> p.times(quantity)).orElse(terms.entry().times(quantity));
        if (!userApproved && terms.action().addsExposure() && notional.compareTo(config.requireConfirmationAbove()) > 0) {
            awaitConfirmation(session, terms, order, notional, reason);
            return;
        }
        place(session, order, terms, terms.action().addsExposure(), reason);
    }

    /** A stop, target or trailing stop was crossed: leave at once, without a vote. */
    void exit(ExitTriggered exit) {
        Optional<DeskSession> session = desk.session(exit.session());
        if (session.isEmpty()) return;
        session.get().say(AgentRole.RISK, new Alert(alertKind(exit), Alert.Severity.WARNING, exit.ticker(), exit.text()));
        OrderRequest order = exit.toMarketOrder(ClientOrderId.of("x-" + UUID.randomUUID()));
        place(session.get(), order, null, false, exit.reason().sentence());
    }

    void flatten(DeskSession session, String reason) {
        for (Position position : desk.positions(session.id())) close(session, position.ticker(), reason);
    }

    void close(DeskSession session, Ticker ticker, String reason) {
        Optional<Position> position = desk.position(session.id(), ticker);
        if (position.isEmpty() || position.get().quantity() == 0) return;
        Side side = position.get().direction() == Direction.LONG ? Side.SELL : Side.BUY;
        OrderRequest order = OrderRequest.market(ClientOrderId.of("c-" + UUID.randomUUID()), ticker, side, position.get().quantity());
        place(session, order, null, false, reason);
    }

    void protect(DeskSession session, Ticker ticker, Protection protection, String reason) {
        String outcome = desk.protect(session.id(), ticker, protection);
        session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.POSITION, ticker,
                outcome == null ? "Protection of " + ticker + " updated: " + describe(protection) + " (" + reason + ")." : "Protection not changed: " + outcome + "."));
    }

    List<PendingConfirmation> confirmations(SessionId session) {
        return List.copyOf(confirmations.getOrDefault(session, Map.of()).values());
    }

    /** The user's answer to a held trade; false when there is no such confirmation (any more). */
    boolean confirm(DeskSession session, String confirmationId, boolean approve, String actor) {
        Map<String, PendingConfirmation> pending = confirmations.get(session.id());
        PendingConfirmation confirmation = pending == null ? null : pending.remove(confirmationId);
        if (confirmation == null) return false;
        desk.journal(session.id(), new JournalEvent.UserAction(actor, approve ? JournalEvent.UserAction.Action.CONFIRM_TRADE : JournalEvent.UserAction.Action.DENY_TRADE,
                confirmation.order().side() + " " + confirmation.order().quantity() + " " + confirmation.order().ticker()));
        if (!approve) {
            reject(session, confirmation.order(), confirmation.proposalId(), RejectReason.CONFIRMATION_DENIED, "declined by " + actor);
            return true;
        }
        if (!session.isTradingAllowed()) {
            reject(session, confirmation.order(), confirmation.proposalId(), RejectReason.AUTO_TRADING_DISABLED, "confirmed after auto-trading was switched off");
            return true;
        }
        place(session, confirmation.order(), confirmation.terms(), true, confirmation.reason() + ", confirmed by " + actor);
        return true;
    }

    void dropConfirmations(DeskSession session, String why) {
        Map<String, PendingConfirmation> pending = confirmations.remove(session.id());
        if (pending == null) return;
        for (PendingConfirmation confirmation : pending.values()) {
            reject(session, confirmation.order(), confirmation.proposalId(), RejectReason.AUTO_TRADING_DISABLED, why);
        }
    }

    /** Drops held trades whose time is up: no answer means no trade. */
    void expireConfirmations() {
        Instant now = desk.ports().userClock().now();
        for (Map.Entry<SessionId, Map<String, PendingConfirmation>> entry : confirmations.entrySet()) {
            for (PendingConfirmation confirmation : List.copyOf(entry.getValue().values())) {
                if (now.isBefore(confirmation.expiresAt())) continue;
                if (entry.getValue().remove(confirmation.id()) == null) continue;
                desk.session(entry.getKey()).ifPresent(session -> reject(session, confirmation.order(), confirmation.proposalId(),
                        RejectReason.CONFIRMATION_TIMED_OUT, "no answer within " + desk.settings().confirmationTimeout().toSeconds() + " s"));
            }
        }
    }

    /** A fill from the broker: into the positions, then announced. */
    void onFill(Fill fill) {
        Owner owner = owners.get(fill.clientOrderId());
        if (owner == null) {
            desk.reportProblem(null, "a fill for an order the desk did not place: " + fill.clientOrderId());
            return;
        }
        DeskSession session = owner.session();
        desk.ports().broker().findByClientOrderId(fill.clientOrderId()).ifPresent(order -> recordPlacement(session, order));
        desk.journal(session.id(), new JournalEvent.OrderFilled(fill));
        Position position = desk.applyFill(session.id(), fill, owner.terms() == null ? null
                : new Protection(owner.terms().stop(), owner.terms().target(), owner.terms().trailingStopPct()));
        desk.journal(session.id(), positionChanged(fill.ticker(), position));
        if (owner.addsExposure()) countTrade(session.id());
        String verb = fill.side() == Side.BUY ? "Bought " : "Sold ";
        String text = verb + fill.quantity() + " " + fill.ticker() + " at $" + fill.price() + " (" + owner.reason() + ")"
                + (position == null ? "; position closed." : "; now " + (position.direction() == Direction.LONG ? "long " : "short ") + position.quantity() + ".");
        session.say(AgentRole.EXECUTION, new Update(Update.UpdateKind.TRADE_EXECUTED, fill.ticker(),
                new Execution(fill.clientOrderId().value(), fill.ticker(), fill.side(), fill.quantity(), fill.price(), owner.reason()), text));
        desk.positionsChanged(session.id());
    }

    /** After a restart: fills of an order placed before the crash still belong to its session. */
    void adopt(DeskSession session, JournalEvent.OrderIntended intent, Proposal terms) {
        owners.putIfAbsent(intent.clientOrderId(), new Owner(session, terms, false, intent.reason()));
    }

    /** Refuses orders that add exposure while the desk and the broker disagree about positions. */
    void haltNewExposure(SessionId session, String why) { haltedSessions.put(session, why); }

    void resumeNewExposure(SessionId session) { haltedSessions.remove(session); }

    Optional<String> haltReason(SessionId session) { return Optional.ofNullable(haltedSessions.get(session)); }

    int tradesToday(SessionId session) {
        TradeCount count = tradesToday.get(session);
        LocalDate today = desk.ports().calendar().tradingDate(desk.clock().now());
        return count == null || !count.day().equals(today) ? 0 : count.count();
    }


    private void place(DeskSession session, OrderRequest order, Proposal terms, boolean addsExposure, String reason) {
        owners.put(order.clientOrderId(), new Owner(session, terms, addsExposure, reason));
        // The intent is on disk before the order leaves: a crash now cannot lose or double it.
        desk.journalDurably(session.id(), new JournalEvent.OrderIntended(order, terms == null ? null : terms.id(), reason));
        switch (desk.ports().broker().submit(order)) {
            case Submission.Accepted accepted -> recordPlacement(session, accepted.order());
            case Submission.Rejected rejected -> {
                reject(session, order, terms == null ? null : terms.id(), rejected.reason(), rejected.detail());
                if (terms == null) desk.rearm(session.id(), order.ticker());
            }
        }
    }

    /**
     * Journals an order's placement once. A broker may fill a market order before {@code submit}
     * returns, so the fill records the placement first: the journal never shows a fill before its order.
     */
    private void recordPlacement(DeskSession session, Order order) {
        if (placementsOnRecord.add(order.clientOrderId())) desk.journal(session.id(), new JournalEvent.OrderPlaced(order));
    }

    private boolean passesChecks(DeskSession session, OrderRequest order, ProposalId proposalId) {
        Optional<Price> last = desk.lastPrice(order.ticker());
        long held = desk.position(session.id(), order.ticker()).map(Position::signedQuantity).orElse(0L);
        PreTradeContext context = new PreTradeContext(desk.equity(), held, last.orElse(null), tradesToday(session.id()),
                desk.ports().broker().account().buyingPower(), desk.pnl(session.id()).daily(), true);
        if (desk.check(session, checks, order, context) instanceof PreTradeResult.Refused refused) {
            reject(session, order, proposalId, refused.reason(), refused.sentence());
            return false;
        }
        return true;
    }

    PreTradeCheck newCheck(DeskSession session) {
        AutoTradingConfig config = session.config();
        RiskLimits limits = new RiskLimits(config.maxPositionPct(), config.maxDailyLossPct(), config.maxTradesPerDay(), PRICE_COLLAR_PCT, DUPLICATE_WINDOW);
        return new PreTradeCheck(limits, desk.clock(), instant -> session.deskView().marketOpen());
    }

    private void awaitConfirmation(DeskSession session, Proposal terms, OrderRequest order, Money notional, String reason) {
        Instant expiresAt = desk.ports().userClock().now().plus(desk.settings().confirmationTimeout());
        PendingConfirmation confirmation = new PendingConfirmation("c-" + terms.id(), terms, order, notional, expiresAt, reason);
        confirmations.computeIfAbsent(session.id(), id -> new ConcurrentHashMap<>()).put(confirmation.id(), confirmation);
        session.say(AgentRole.EXECUTION, Update.of(Update.UpdateKind.OBSERVATION, order.ticker(),
                "Waiting for your confirmation: " + order.side() + " " + order.quantity() + " " + order.ticker() + " ($" + notional
                        + ") is above your $" + session.config().requireConfirmationAbove() + " threshold. No answer within "
                        + desk.settings().confirmationTimeout().toSeconds() + " s means no trade."));
    }

    private void reject(DeskSession session, OrderRequest order, ProposalId proposalId, RejectReason reason, String detail) {
        desk.journal(session.id(), new JournalEvent.OrderRejected(order.clientOrderId(), reason, detail));
        AgentRole speaker = switch (reason) {
            case MAX_POSITION_EXCEEDED, MAX_TRADES_PER_DAY, MAX_DAILY_LOSS, INSUFFICIENT_BUYING_POWER, REDUCE_ONLY -> AgentRole.RISK;
            default -> AgentRole.EXECUTION;
        };
        session.say(speaker, new Alert(Alert.AlertKind.ORDER_REJECTED, Alert.Severity.WARNING, order.ticker(),
                "No trade: " + order.side() + " " + order.quantity() + " " + order.ticker() + " refused because " + reason.sentence() + " (" + detail + ")."));
    }

    private void countTrade(SessionId session) {
        LocalDate today = desk.ports().calendar().tradingDate(desk.clock().now());
        tradesToday.merge(session, new TradeCount(today, 1),
                (old, one) -> old.day().equals(today) ? new TradeCount(today, old.count() + 1) : one);
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

    static String describe(Protection protection) {
        List<String> parts = new ArrayList<>();
        if (protection.stopLoss() != null) parts.add("stop $" + protection.stopLoss());
        if (protection.takeProfit() != null) parts.add("target $" + protection.takeProfit());
        if (protection.trailingStopPct() != null) parts.add("trailing " + protection.trailingStopPct().toPlainString() + "%");
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
