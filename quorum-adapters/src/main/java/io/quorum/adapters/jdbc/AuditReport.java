package io.quorum.adapters.jdbc;

import io.quorum.engine.message.SessionId;
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

    /**
     * The first entry of {@code session} that fails its chain: everything from {@code seq} on is
     * untrustworthy. For a break of the desk's chain, across sessions, {@code session} is null and
     * {@code seq} is the position in the desk's chain.
     */
    public record Break(SessionId session, long seq, Problem problem, String detail) {
        public Break {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        /** "session 5f…, entry 7" or "the desk's chain, entry 12". */
        public String where() { return (session == null ? "the desk's chain" : "session " + session) + ", entry " + seq; }
    }

    public enum Problem {
        /** The entry's content, time or position does not match its HMAC: edited, moved, or written without the key. */
        HASH_MISMATCH,
        /** The entry is missing: a later one follows its predecessor. */
        MISSING,
        /** The session's recorded head does not match its last entry: entries were removed from the end, or the head was edited. */
        HEAD_MISMATCH,
        /** The desk's chain has a gap: entries of a session, or a whole session with its head, were deleted. */
        DESK_GAP,
        /** The desk's chain ends before the anchor kept outside the database: the journal's tail was cut. */
        TAIL_CUT
    }
}
