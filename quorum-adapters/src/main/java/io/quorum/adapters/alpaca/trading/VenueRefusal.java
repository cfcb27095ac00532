package io.quorum.adapters.alpaca.trading;

import io.quorum.engine.order.RejectReason;
import java.util.Locale;

/**
 * Reads why the venue refused an order (a 403 or a 422 and its message) as the desk's reason.
 * The venue documents the messages, not a code per refusal, so the words decide.
 */
final class VenueRefusal {
    private VenueRefusal() {}

    static RejectReason reason(TradingAnswer.Refused refused) {
        String message = refused.message().toLowerCase(Locale.ROOT);
        if (message.contains("buying power") || message.contains("insufficient")) return RejectReason.INSUFFICIENT_BUYING_POWER;
        if (message.contains("pattern day")) return RejectReason.PATTERN_DAY_TRADER;
        if (message.contains("market") && message.contains("closed")) return RejectReason.OUTSIDE_TRADING_HOURS;
        if (message.contains("short")) return RejectReason.SHORT_NOT_ALLOWED;
        if (message.contains("not tradable") || message.contains("not found") || message.contains("not active") || message.contains("asset")) return RejectReason.NOT_TRADABLE;
        if (refused.status() == 422) return RejectReason.INVALID_ORDER;
        return RejectReason.REFUSED_BY_BROKER;
    }

    /** The venue's answer to a second order with a client order id it already holds. */
    static boolean isDuplicateClientOrderId(TradingAnswer.Refused refused) {
        return refused.message().toLowerCase(Locale.ROOT).contains("client_order_id must be unique");
    }
}
