package io.quorum.adapters.jdbc;

import io.quorum.engine.session.SessionId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@link AuditVerifier} found: how much it checked, and the first broken entry of each damaged session. */
public record AuditReport(int sessionsChecked, long entriesChecked, List<Break> breaks) {
    public AuditReport {
        breaks = List.copyOf(breaks);
    }

    public boolean intact() { return breaks.isEmpty(); }

    public Optional<Break> firstBreak() { return breaks.stream().findFirst(); }

    /** The first entry of {@code session} that fails the chain: everything from {@code seq} on is untrustworthy. */
    public record Break(SessionId session, long seq, Problem problem, String detail) {
        public Break {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public enum Problem {
        /** The entry's content, time or position does not match its HMAC: edited, moved, or written without the key. */
        HASH_MISMATCH,
        /** The entry is missing: a later one follows its predecessor. */
        MISSING,
        /** The session's recorded head does not match its last entry: entries were removed from the end, or the head was edited. */
        HEAD_MISMATCH
    }
}
