package io.quorum.engine.message;

import io.quorum.engine.market.Ticker;
import java.util.Objects;

/** A market or desk event worth everyone's attention. {@code ticker} is null for desk-wide alerts. */
public record Alert(AlertKind kind, Severity severity, Ticker ticker, String text) implements Payload {
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Payload.requireText(text);
    }

    public enum Severity { INFO, WARNING, CRITICAL }

    public enum AlertKind {
        PRICE_SIGNAL,
        VOLUME_SPIKE,
        NEWS,
        STOP_LOSS_TRIGGERED,
        TAKE_PROFIT_TRIGGERED,
        TRAILING_STOP_TRIGGERED,
        LIMIT_BREACH,
        ORDER_REJECTED,
        RECONCILIATION_MISMATCH,
        STALE_MARKET_DATA,
        SYSTEM
    }
}
