package io.quorum.engine.journal;

import io.quorum.engine.message.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the journal keeps it: {@code seq} is its place in the session (1, 2, 3... with no
 * gaps), {@code time} when it was appended, and {@code hash} the link of the session's hash chain
 * (hex), which covers the previous link, so that an edited, deleted or reordered entry is detectable.
 */
public record JournalEntry(SessionId session, long seq, Instant time, JournalEvent event, String hash) {
    public JournalEntry {
        Objects.requireNonNull(session, "session");
        if (seq <= 0) throw new IllegalArgumentException("seq: the journal numbers from 1, was " + seq);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        if (hash == null || hash.isBlank()) throw new IllegalArgumentException("hash: must not be blank");
    }
}
