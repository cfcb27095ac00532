package io.quorum.engine.risk;

import io.quorum.engine.message.SessionId;
import java.util.Objects;

/** A session's trading state moved, and why: journaled and said in the conversation. */
public record TradingStateChange(SessionId session, TradingState from, TradingState to, String reason) {
    public TradingStateChange {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    /** "reducing only: the desk holds 10 NVDA but the broker reports 0", for the conversation. */
    public String describe() { return "Trading " + to.description() + " (was " + from.description() + "): " + reason; }
}
