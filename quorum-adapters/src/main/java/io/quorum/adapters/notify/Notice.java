package io.quorum.adapters.notify;

import io.quorum.engine.message.SessionId;
import java.util.Objects;

/**
 * One short sentence for people away from the desk, and what it is about. {@code session} is null
 * when it concerns the whole desk.
 */
public record Notice(NoticeKind kind, SessionId session, String text) {
    public Notice {
        Objects.requireNonNull(kind, "kind");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("text: must not be blank");
    }

    /** The sentence with the session it concerns in front: {@code desk-1: Sold 10 AAPL at $187.20}. */
    public String sentence() { return session == null ? "Quorum: " + text : session.value() + ": " + text; }
}
