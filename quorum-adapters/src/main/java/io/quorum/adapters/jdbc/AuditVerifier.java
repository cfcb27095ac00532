package io.quorum.adapters.jdbc;

import io.quorum.adapters.jdbc.AuditReport.Break;
import io.quorum.adapters.jdbc.AuditReport.Problem;
import io.quorum.engine.session.SessionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks the journal's hash chain, session by session, as {@code quorum audit verify} does: every
 * entry's HMAC is recomputed from its predecessor's and its own stored fields, seqs must run 1, 2,
 * 3... without a gap, and the last entry must be the one the session's head records.
 */
public final class AuditVerifier {
    private static final String SELECT_SESSIONS = "SELECT session_id FROM journal_entry UNION SELECT session_id FROM journal_head ORDER BY 1";
    private static final String SELECT_ENTRIES = "SELECT seq, type, payload, recorded_at, hmac FROM journal_entry WHERE session_id = ? ORDER BY seq";
    private static final String SELECT_HEAD = "SELECT last_seq, last_hmac FROM journal_head WHERE session_id = ?";

    private final Database database;
    private final AuditKey key;

    public AuditVerifier(Database database, AuditKey key) {
        this.database = Objects.requireNonNull(database, "database");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Verifies every session in the database. */
    public AuditReport verify() {
        try (Connection connection = database.dataSource().getConnection()) {
            List<SessionId> sessions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_SESSIONS); ResultSet row = select.executeQuery()) {
                while (row.next()) sessions.add(SessionId.of(row.getString(1)));
            }
            return verify(connection, sessions);
        } catch (SQLException e) {
            throw new JournalStorageException("cannot read the journal in " + database, e);
        }
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
