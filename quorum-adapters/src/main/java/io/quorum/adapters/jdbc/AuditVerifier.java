package io.quorum.adapters.jdbc;

import io.quorum.adapters.jdbc.AuditReport.Break;
import io.quorum.adapters.jdbc.AuditReport.Problem;
import io.quorum.engine.message.SessionId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the journal's hash chain, session by session, as {@code quorum audit verify} does: every
 * entry's HMAC is recomputed from its predecessor's and its own stored fields, seqs must run 1, 2,
 * 3... without a gap, and the last entry must be the one the session's head records.
 */
public final class AuditVerifier {
    private static final String SELECT_SESSIONS = "SELECT session_id FROM journal_entry UNION SELECT session_id FROM journal_head ORDER BY 1";
    private static final String SELECT_ENTRIES = "SELECT seq, type, payload, recorded_at, hmac FROM journal_entry WHERE session_id = ? ORDER BY seq";
    private static final String SELECT_HEAD = "SELECT last_seq, last_hmac FROM journal_head WHERE session_id = ?";
    private static final String SELECT_DESK_CHAIN = "SELECT desk_seq, session_id, seq, hmac, desk_hmac FROM journal_entry WHERE desk_seq IS NOT NULL ORDER BY desk_seq";
    private static final String SELECT_DESK_HEAD = "SELECT last_desk_seq, last_hmac FROM journal_desk_head WHERE id = 1";

    private final Database database;
    private final AuditKey key;
    private final Path anchor;

    public AuditVerifier(Database database, AuditKey key) { this(database, key, null); }

    /** @param anchor the file the desk keeps the desk chain's head in, outside the database; null when there is none */
    public AuditVerifier(Database database, AuditKey key, Path anchor) {
        this.database = Objects.requireNonNull(database, "database");
        this.key = Objects.requireNonNull(key, "key");
        this.anchor = anchor;
    }

    /** Verifies every session in the database. */
    public AuditReport verify() {
        try (Connection connection = database.dataSource().getConnection()) {
            List<SessionId> sessions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_SESSIONS); ResultSet row = select.executeQuery()) {
                while (row.next()) sessions.add(SessionId.of(row.getString(1)));
            }
            AuditReport bySession = verify(connection, sessions);
            Break desk = checkDeskChain(connection);
            if (desk == null) return bySession;
            List<Break> breaks = new ArrayList<>(bySession.breaks());
            breaks.add(desk);
            return new AuditReport(bySession.sessionsChecked(), bySession.entriesChecked(), breaks);
        } catch (SQLException e) {
            throw new JournalStorageException("cannot read the journal in " + database, e);
        }
    }

    /**
     * The desk's chain across sessions: gap-free from its first entry, every link its HMAC, its head
     * the last link, and the anchor outside the database naming an entry the journal still holds.
     * Null when intact.
     */
    private Break checkDeskChain(Connection connection) throws SQLException {
        HashChain chain = new HashChain(key);
        Optional<JournalAnchor.Head> anchored;
        try {
            anchored = anchor == null ? Optional.empty() : new JournalAnchor(anchor, key).read();
        } catch (IllegalStateException e) {
            return new Break(null, 0, Problem.TAIL_CUT, e.getMessage());
        }
        long expected = 1;
        String previous = HashChain.GENESIS;
        String anchoredLink = null;
        try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(SELECT_DESK_CHAIN)) {
            while (row.next()) {
                long deskSeq = row.getLong("desk_seq");
                SessionId session = SessionId.of(row.getString("session_id"));
                long seq = row.getLong("seq");
                if (deskSeq != expected) {
                    return new Break(null, expected, Problem.DESK_GAP, "entries " + expected + " to " + (deskSeq - 1)
                            + " of the desk's chain are missing: entries of a session, or a whole session, were deleted (next: session " + session + ", entry " + seq + ")");
                }
                String link = chain.deskLink(previous, deskSeq, session, seq, row.getString("hmac"));
                if (!link.equals(row.getString("desk_hmac"))) {
                    return new Break(null, deskSeq, Problem.HASH_MISMATCH, "entry " + deskSeq + " of the desk's chain (session " + session + ", entry " + seq
                            + ") does not match its HMAC: it was edited, moved, or written without the audit key");
                }
                if (anchored.isPresent() && anchored.get().deskSeq() == deskSeq) anchoredLink = link;
                previous = link;
                expected++;
            }
        }
        long last = expected - 1;
        try (Statement select = connection.createStatement(); ResultSet head = select.executeQuery(SELECT_DESK_HEAD)) {
            boolean found = head.next();
            long headSeq = found ? head.getLong(1) : 0;
            String headHmac = found ? head.getString(2) : HashChain.GENESIS;
            if (headSeq != last || !headHmac.equals(previous)) {
                return new Break(null, Math.min(headSeq, last) + 1, Problem.HEAD_MISMATCH, "the desk's chain ends at entry " + last + " but its head records entry " + headSeq);
            }
        }
        if (anchored.isPresent()) {
            JournalAnchor.Head kept = anchored.get();
            if (kept.deskSeq() > last) {
                return new Break(null, last + 1, Problem.TAIL_CUT, "the anchor " + anchor + " records entry " + kept.deskSeq()
                        + " of the desk's chain, but the journal ends at entry " + last + ": its tail was cut");
            }
            if (kept.deskSeq() > 0 && !kept.deskHmac().equals(anchoredLink)) {
                return new Break(null, kept.deskSeq(), Problem.TAIL_CUT, "entry " + kept.deskSeq() + " of the desk's chain is not the one the anchor " + anchor + " records");
            }
        }
        return null;
    }

    public AuditReport verify(SessionId session) {
        try (Connection connection = database.dataSource().getConnection()) {
            return verify(connection, List.of(session));
        } catch (SQLException e) {
            throw new JournalStorageException("cannot read the journal of session " + session, e);
        }
    }

    private AuditReport verify(Connection connection, List<SessionId> sessions) throws SQLException {
        HashChain chain = new HashChain(key);
        long entries = 0;
        List<Break> breaks = new ArrayList<>();
        for (SessionId session : sessions) {
            SessionCheck check = check(connection, chain, session);
            entries += check.entries;
            if (check.broken != null) breaks.add(check.broken);
        }
        return new AuditReport(sessions.size(), entries, breaks);
    }

    private record SessionCheck(long entries, Break broken) {}

    private static SessionCheck check(Connection connection, HashChain chain, SessionId session) throws SQLException {
        long expected = 1;
        String previous = HashChain.GENESIS;
        try (PreparedStatement select = connection.prepareStatement(SELECT_ENTRIES)) {
            select.setString(1, session.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long seq = row.getLong("seq");
                    if (seq != expected) {
                        return new SessionCheck(expected - 1, new Break(session, expected, Problem.MISSING,
                                "entry " + expected + " is missing: entry " + seq + " follows entry " + (expected - 1)));
                    }
                    String link = chain.link(previous, session, seq, row.getString("type"), row.getString("payload"), row.getString("recorded_at"));
                    if (!link.equals(row.getString("hmac"))) {
                        return new SessionCheck(expected - 1, new Break(session, seq, Problem.HASH_MISMATCH,
                                "entry " + seq + " does not match its HMAC: it was edited, moved, or written without the audit key"));
                    }
                    previous = link;
                    expected++;
                }
            }
        }
        long last = expected - 1;
        try (PreparedStatement select = connection.prepareStatement(SELECT_HEAD)) {
            select.setString(1, session.value());
            try (ResultSet head = select.executeQuery()) {
                boolean found = head.next();
                long headSeq = found ? head.getLong(1) : 0;
                String headHmac = found ? head.getString(2) : HashChain.GENESIS;
                if (headSeq != last || !headHmac.equals(previous)) {
                    long firstBad = headSeq == last ? last : Math.min(headSeq, last) + 1;
                    return new SessionCheck(last, new Break(session, firstBad, Problem.HEAD_MISMATCH,
                            "the journal ends at entry " + last + " but its head records entry " + headSeq));
                }
            }
        }
        return new SessionCheck(last, null);
    }
}
