package io.quorum.adapters.notify;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.RejectReason;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the desk's journal for what someone away from it should hear, each as one sentence:
 * trades and protective exits (the execution's own words), orders the desk's limits refused,
 * refusals by the broker, trading-state changes, auto-trading switched off, stale prices and
 * mismatches with the broker, and trades waiting for a confirmation, with a link to the desk.
 * Everything else (the debate, prices, configuration) is left to the desk's own screen.
 */
public final class DeskNotices {
    private static final Set<RejectReason> BY_THE_BROKER = EnumSet.of(RejectReason.BROKER_UNAVAILABLE, RejectReason.PATTERN_DAY_TRADER,
            RejectReason.NOT_TRADABLE, RejectReason.SHORT_NOT_ALLOWED, RejectReason.REFUSED_BY_BROKER, RejectReason.NOT_PLACED);
    /** The user's own answers are not news to the user. */
    private static final Set<RejectReason> THE_USERS_ANSWER = EnumSet.of(RejectReason.CONFIRMATION_DENIED, RejectReason.CONFIRMATION_TIMED_OUT);
    private static final Set<OrderCause> PROTECTIVE = EnumSet.of(OrderCause.STOP_LOSS, OrderCause.TAKE_PROFIT, OrderCause.TRAILING_STOP);

    private final URI deskUrl;

    public DeskNotices(URI deskUrl) { this.deskUrl = Objects.requireNonNull(deskUrl, "deskUrl"); }

    /** The notice an entry makes, if it makes one. */
    public Optional<Notice> of(JournalEntry entry) {
        SessionId session = entry.session();
        return switch (entry.event()) {
            case JournalEvent.MessageJournaled journaled -> switch (journaled.message().content()) {
                case Update update -> ofUpdate(session, update);
                case Alert alert -> ofAlert(session, alert);
                default -> Optional.empty();
            };
            case JournalEvent.OrderRejected rejected -> ofRejection(session, rejected);
            case JournalEvent.TradingStateChanged changed -> Optional.of(new Notice(NoticeKind.TRADING_STATE, session,
                    "trading is " + changed.to() + " (was " + changed.from() + "): " + changed.reason() + "."));
            case JournalEvent.UserAction action when action.action() == JournalEvent.UserAction.Action.DISABLE_AUTO_TRADING ->
                    Optional.of(new Notice(NoticeKind.KILL_SWITCH, session, "auto-trading switched off by " + action.actor()
                            + (action.detail().isBlank() ? "." : " (" + action.detail() + ").")));
            default -> Optional.empty();
        };
    }

    /** A problem the desk survived, as it reported it. */
    public Notice ofProblem(SessionId session, String problem) { return new Notice(NoticeKind.FAULT, session, problem); }

    private Optional<Notice> ofUpdate(SessionId session, Update update) {
        if (update.kind() == Update.UpdateKind.TRADE_EXECUTED && update.execution() != null) {
            NoticeKind kind = PROTECTIVE.contains(update.execution().cause()) ? NoticeKind.EXIT : NoticeKind.TRADE;
            return Optional.of(new Notice(kind, session, update.text()));
        }
        if (update.kind() == Update.UpdateKind.CONFIRMATION_REQUESTED) {
            return Optional.of(new Notice(NoticeKind.CONFIRMATION, session, update.text() + " Answer at " + deskUrl));
        }
        return Optional.empty();
    }

    private static Optional<Notice> ofAlert(SessionId session, Alert alert) {
        return switch (alert.kind()) {
            case STALE_MARKET_DATA, RECONCILIATION_MISMATCH, SYSTEM -> Optional.of(new Notice(NoticeKind.FAULT, session, alert.text()));
            case LIMIT_BREACH -> Optional.of(new Notice(NoticeKind.LIMIT, session, alert.text()));
            // Exits are told by their fills, and refused orders by their journaled rejection.
            case PRICE_SIGNAL, VOLUME_SPIKE, NEWS, STOP_LOSS_TRIGGERED, TAKE_PROFIT_TRIGGERED, TRAILING_STOP_TRIGGERED, ORDER_REJECTED -> Optional.empty();
        };
    }

    private static Optional<Notice> ofRejection(SessionId session, JournalEvent.OrderRejected rejected) {
        RejectReason reason = rejected.reason();
        if (THE_USERS_ANSWER.contains(reason)) return Optional.empty();
        boolean byTheBroker = BY_THE_BROKER.contains(reason);
        String text = "order " + rejected.clientOrderId().value() + " refused " + (byTheBroker ? "by the broker" : "by the desk's limits") + ": "
                + reason.sentence() + (rejected.detail().isBlank() ? "." : " (" + rejected.detail() + ").");
        return Optional.of(new Notice(byTheBroker ? NoticeKind.FAULT : NoticeKind.LIMIT, session, text));
    }
}
