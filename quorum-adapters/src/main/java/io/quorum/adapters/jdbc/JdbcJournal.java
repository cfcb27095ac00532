package io.quorum.adapters.jdbc;

import io.quorum.adapters.json.JournalEventJson;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.Journal;
import io.quorum.engine.session.SessionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The journal in a SQL database (SQLite or PostgreSQL), each event stored as JSON and chained by
 * an HMAC (see {@link HashChain}).
 *
 * <p>Appends are synchronous, one short transaction each, on one writer connection with prepared
 * statements; the lock that serialises them is what makes the per-session seq gapless. Ordinary
 * events commit lazily (SQLite {@code synchronous=NORMAL}, PostgreSQL {@code synchronous_commit=off}):
 * visible at once, safe across a process crash, possibly lost in a power cut. An event that
 * requires durability, or an {@link #appendDurably} call, commits with a flush to stable storage,
 * which also secures every entry before it. This process must be the journal's only writer.
 */
public final class JdbcJournal implements Journal {
    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (session_id, seq, type, payload, recorded_at, hmac) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_HEAD = "INSERT INTO journal_head (session_id, last_seq, last_hmac) VALUES (?, ?, ?) "
            + "ON CONFLICT (session_id) DO UPDATE SET last_seq = excluded.last_seq, last_hmac = excluded.last_hmac";
    private static final String SELECT_HEAD = "SELECT last_seq, last_hmac FROM journal_head WHERE session_id = ?";
    private static final String SELECT_PAGE = "SELECT seq, type, payload, recorded_at, hmac FROM journal_entry WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    private static final String SELECT_SESSIONS = "SELECT session_id FROM journal_head ORDER BY session_id";

    private final Database database;
    private final Clock clock;
    private final HashChain chain;
    private final Connection writer;
    private final PreparedStatement insertEntry;
    private final PreparedStatement upsertHead;
    private final PreparedStatement selectHead;
    private final Map<SessionId, Head> heads = new HashMap<>();
    /** The writer's current commit mode; null when unknown, after a rollback may have undone a switch. */
    private Boolean durableCommits;

    private record Head(long seq, String hmac) {}

    public JdbcJournal(Database database, AuditKey key, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chain = new HashChain(Objects.requireNonNull(key, "key"));
        try {
            writer = database.dataSource().getConnection();
            writer.setAutoCommit(false);
            insertEntry = writer.prepareStatement(INSERT_ENTRY);
            upsertHead = writer.prepareStatement(UPSERT_HEAD);
            selectHead = writer.prepareStatement(SELECT_HEAD);
            setCommitMode(false);
        } catch (SQLException e) {
            throw new JournalStorageException("cannot open the journal in " + database, e);
        }
    }

    @Override
    public JournalEntry append(SessionId session, JournalEvent event) {
        return write(session, event, event.requiresDurability());
    }

    @Override
    public JournalEntry appendDurably(SessionId session, JournalEvent event) {
        return write(session, event, true);
    }

    private synchronized JournalEntry write(SessionId session, JournalEvent event, boolean durable) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(event, "event");
        String payload = JournalEventJson.encode(event);
        String type = event.kind().name();
        // Stored and hashed as text, at the precision both databases and the JSON keep.
        Instant time = clock.now().truncatedTo(ChronoUnit.MICROS);
        try {
            Head previous = head(session);
            long seq = previous.seq + 1;
            String hmac = chain.link(previous.hmac, session, seq, type, payload, time.toString());
            setCommitMode(durable);
            insertEntry.setString(1, session.value());
            insertEntry.setLong(2, seq);
            insertEntry.setString(3, type);
            insertEntry.setString(4, payload);
            insertEntry.setString(5, time.toString());
            insertEntry.setString(6, hmac);
            insertEntry.executeUpdate();
            upsertHead.setString(1, session.value());
            upsertHead.setLong(2, seq);
            upsertHead.setString(3, hmac);
            upsertHead.executeUpdate();
            writer.commit();
            heads.put(session, new Head(seq, hmac));
            return new JournalEntry(session, seq, time, event, hmac);
        } catch (SQLException e) {
            rollbackQuietly(e);
            heads.remove(session);
            throw new JournalStorageException("cannot append " + type + " to the journal of session " + session, e);
        }
    }

    private Head head(SessionId session) throws SQLException {
        Head cached = heads.get(session);
        if (cached != null) return cached;
        selectHead.setString(1, session.value());
        try (ResultSet row = selectHead.executeQuery()) {
            Head head = row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(0, HashChain.GENESIS);
            heads.put(session, head);
            return head;
        }
    }

    private void setCommitMode(boolean durable) throws SQLException {
        if (Boolean.valueOf(durable).equals(durableCommits)) return;
        // Outside any transaction: SQLite refuses to change its safety level inside one.
        writer.setAutoCommit(true);
        try (Statement statement = writer.createStatement()) {
            statement.execute(database.dialect().commitMode(durable));
        } finally {
            writer.setAutoCommit(false);
        }
        durableCommits = durable;
    }

    private void rollbackQuietly(SQLException cause) {
        durableCommits = null;
        try {
            writer.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    @Override
    public List<JournalEntry> read(SessionId session, long afterSeq, int limit) {
        Journal.requireValidPage(afterSeq, limit);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_PAGE)) {
            select.setString(1, session.value());
            select.setLong(2, afterSeq);
            select.setInt(3, limit);
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    JournalEvent event = JournalEventJson.decode(row.getString("type"), row.getString("payload"));
                    entries.add(new JournalEntry(session, row.getLong("seq"), Instant.parse(row.getString("recorded_at")), event, row.getString("hmac")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new JournalStorageException("cannot read the journal of session " + session, e);
        }
    }

    @Override
    public List<SessionId> sessions() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_SESSIONS);
             ResultSet row = select.executeQuery()) {
            List<SessionId> sessions = new ArrayList<>();
            while (row.next()) sessions.add(SessionId.of(row.getString(1)));
            return sessions;
        } catch (SQLException e) {
            throw new JournalStorageException("cannot list the journal's sessions", e);
        }
    }

    @Override
    public synchronized long lastSeq(SessionId session) {
        try {
            return head(session).seq;
        } catch (SQLException e) {
            throw new JournalStorageException("cannot read the journal of session " + session, e);
        }
    }

    /** Returns the writer connection to the pool; the pool itself belongs to the {@link Database}. */
    @Override
    public synchronized void close() {
        try {
            writer.rollback();
            writer.close();
        } catch (SQLException e) {
            throw new JournalStorageException("cannot close the journal in " + database, e);
        }
    }
}
