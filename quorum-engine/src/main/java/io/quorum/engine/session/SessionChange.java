package io.quorum.engine.session;

import io.quorum.engine.message.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A transition that happened, as told to listeners (the journal, the UI, the orchestrator).
 * {@code tradingAllowed} is the switch as it stands after the change; {@code detail} carries the
 * user's rejection reason or the stop reason in words, and is empty otherwise.
 */
public record SessionChange(SessionId sessionId, SessionState from, SessionState to, SessionEvent event, boolean tradingAllowed, String detail, Instant at) {
    public SessionChange {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    /** A line for the desk's conversation, e.g. {@code "session stopped (the maximum daily loss was hit)"}. */
    public String describe() {
        String what = switch (event) {
            case ENABLE_AUTO_TRADING -> "auto-trading switched on";
            case DISABLE_AUTO_TRADING -> "auto-trading switched off";
            case STOP -> "session stopped";
            default -> from + " -> " + to;
        };
        return detail.isEmpty() ? what : what + " (" + detail + ")";
    }
}
