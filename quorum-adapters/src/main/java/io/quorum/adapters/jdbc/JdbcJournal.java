package io.quorum.adapters.jdbc;

import io.quorum.adapters.json.JournalEventJson;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.Journal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal in a SQL database (SQLite or PostgreSQL), each event stored as JSON and chained by
 * an HMAC (see {@link HashChain}).
 *
 * <p><b>One writer, group commit.</b> An append encodes its event on the caller's thread, reads
 * the clock and queues the event; one writer thread ({@code journal-writer}) owns the database
 * connection that writes. Each turn it takes every queued event (up to {@code maxBatch}), gives
 * each the next seq of its session and the next link of its chain, inserts them and commits them
 * in one transaction. The caller waits for the commit of the batch that holds its event, so an
 * {@code append} that returns has its entry readable, and a write that fails throws
 * {@link JournalStorageException} to every caller whose event was in the failed transaction
 * (nothing of it was kept; the next batch takes the same seqs, so the journal has no gap).
 *
 * <p>Commits are lazy (SQLite {@code synchronous=NORMAL}, PostgreSQL {@code synchronous_commit=off}):
 * safe across a process crash, possibly lost in a power cut. A batch that holds an event that
 * requires durability, or one from {@link #appendDurably}, commits with a flush to stable storage,
 * which also secures every earlier batch: the callers waiting on it return only then. Under load
 * one flush covers many events, which is the point of the single writer.
 *
 * <p>The writer never dies of a failure: it fails the batch's callers, drops its connection and
 * takes a fresh one from the pool for the next batch, so the journal works again as soon as the
 * database does. This process must be the journal's only writer.
 */
public final class JdbcJournal implements Journal {
    /** The most events one transaction takes when the queue is long. */
    public static final int DEFAULT_MAX_BATCH = 512;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (session_id, seq, type, payload, recorded_at, hmac, desk_seq, desk_hmac) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_DESK_HEAD = "INSERT INTO journal_desk_head (id, last_desk_seq, last_hmac) VALUES (1, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET last_desk_seq = excluded.last_desk_seq, last_hmac = excluded.last_hmac";
    private static final String SELECT_DESK_HEAD = "SELECT last_desk_seq, last_hmac FROM journal_desk_head WHERE id = 1";
    private static final String UPSERT_HEAD = "INSERT INTO journal_head (session_id, last_seq, last_hmac) VALUES (?, ?, ?) "
            + "ON CONFLICT (session_id) DO UPDATE SET last_seq = excluded.last_seq, last_hmac = excluded.last_hmac";
    private static final String SELECT_HEAD = "SELECT last_seq, last_hmac FROM journal_head WHERE session_id = ?";
    private static final String SELECT_LAST_SEQ = "SELECT last_seq FROM journal_head WHERE session_id = ?";
    private static final String SELECT_PAGE = "SELECT seq, type, payload, recorded_at, hmac FROM journal_entry WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    private static final String SELECT_SESSIONS = "SELECT session_id FROM journal_head ORDER BY session_id";

    private final Database database;
    private final Clock clock;
    private final int maxBatch;

    /** The queue between the appending threads and the writer; guarded by {@link #intake}. */
    private final ReentrantLock intake = new ReentrantLock();
    private final Condition queued = intake.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean closing;

    /** The last committed seq of each session the writer has written to; read by any thread. */
    private final Map<SessionId, Long> committedSeqs = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder durableBatches = new LongAdder();
    private final LongAdder failedBatches = new LongAdder();
    /** Anchor files that could not be rewritten; the entries they would have covered are committed all the same. */
    private final LongAdder failedAnchors = new LongAdder();
    private final Thread writerThread;
    private final Writer writer;

    /** An event waiting for the writer, and the future its caller waits on. */
    private record Pending(SessionId session, JournalEvent event, String type, String payload, Instant time, boolean durable,
                           CompletableFuture<JournalEntry> written) {}

    private record Head(long seq, String hmac) {}

    public JdbcJournal(Database database, AuditKey key, Clock clock) { this(database, key, clock, DEFAULT_MAX_BATCH, null); }

    public JdbcJournal(Database database, AuditKey key, Clock clock, int maxBatch) { this(database, key, clock, maxBatch, null); }

    /**
     * @param maxBatch the most events one transaction takes; 1 commits every event on its own (the
     *                 baseline the bench compares group commit with)
     * @param anchor   the file outside the database where the desk chain's head is kept after each
     *                 durable commit, so that a cut of the journal's tail is detected; null for none
     * @throws JournalStorageException when the database gives no connection to write with
     */
    public JdbcJournal(Database database, AuditKey key, Clock clock, int maxBatch, Path anchor) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch: at least 1, was " + maxBatch);
        this.maxBatch = maxBatch;
        Objects.requireNonNull(key, "key");
        this.writer = new Writer(new HashChain(key), anchor == null ? null : new JournalAnchor(anchor, key));
        try {
            writer.connect();
        } catch (SQLException e) {
            writer.disconnect();
            throw new JournalStorageException("cannot open the journal in " + database, e);
        }
        this.writerThread = Thread.ofPlatform().name("journal-writer").daemon().start(writer::run);
    }

    @Override
    public JournalEntry append(SessionId session, JournalEvent event) {
        return write(session, event, event.requiresDurability());
    }

    @Override
    public JournalEntry appendDurably(SessionId session, JournalEvent event) {
        return write(session, event, true);
    }

    private JournalEntry write(SessionId session, JournalEvent event, boolean durable) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(event, "event");
        String payload = JournalEventJson.encode(event);
        String type = event.kind().name();
        CompletableFuture<JournalEntry> written = new CompletableFuture<>();
        intake.lock();
        try {
            if (closing) throw new IllegalStateException("the journal in " + database + " is closed");
            // Read under the queue's lock, so that times never go backwards along a session's seqs.
            // Stored and hashed as text, at the precision both databases and the JSON keep.
            Instant time = clock.now().truncatedTo(ChronoUnit.MICROS);
            queue.add(new Pending(session, event, type, payload, time, durable, written));
            queued.signal();
        } finally {
            intake.unlock();
        }
        try {
            // Uninterruptible on purpose: the caller must learn whether its entry was kept.
            return written.join();
        } catch (CompletionException e) {
            throw new JournalStorageException("cannot append " + type + " to the journal of session " + session, e.getCause());
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
    public long lastSeq(SessionId session) {
        Long committed = committedSeqs.get(session);
        if (committed != null) return committed;
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_LAST_SEQ)) {
            select.setString(1, session.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new JournalStorageException("cannot read the journal of session " + session, e);
        }
    }

    /** Transactions committed, durable ones among them, and failed ones, since the journal opened. */
    public WriterStats stats() { return new WriterStats(batches.sum(), durableBatches.sum(), failedBatches.sum(), failedAnchors.sum()); }

    /** What the writer has done: {@code events / batches} is the mean group size. */
    public record WriterStats(long batches, long durableBatches, long failedBatches, long failedAnchors) {}

    /**
     * Refuses new appends, lets the writer commit every queued event and flush the lazy commits
     * since the last durable one, then returns the writer's connection to the pool (the pool itself
     * belongs to the {@link Database}).
     */
    @Override
    public void close() {
        intake.lock();
        try {
            if (closing) return;
            closing = true;
            queued.signal();
        } finally {
            intake.unlock();
        }
        try {
            writerThread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread's state: its connection, statements and each session's head. Touched by that thread only, once started. */
    private final class Writer {
        private final HashChain chain;
        private final JournalAnchor anchor;
        private final Map<SessionId, Head> heads = new HashMap<>();
        /** The desk chain's head; null when it must be read again from the database. */
        private Head deskHead;
        private Connection connection;
        private PreparedStatement insertEntry;
        private PreparedStatement upsertHead;
        private PreparedStatement selectHead;
        private PreparedStatement upsertDeskHead;
        /** The connection's current commit mode; null when unknown, after a rollback may have undone a switch. */
        private Boolean durableCommits;
        /** Whether a lazy commit came after the last durable one. */
        private boolean lazySinceDurable;

        Writer(HashChain chain, JournalAnchor anchor) {
            this.chain = chain;
            this.anchor = anchor;
        }

        void run() {
            List<Pending> batch = new ArrayList<>(maxBatch);
            while (true) {
                boolean stop = take(batch);
                if (!batch.isEmpty()) {
                    try {
                        write(batch);
                    } catch (Throwable failure) {
                        // Every caller hears of it; the writer goes on with the next batch.
                        failed(batch, failure);
                    }
                    batch.clear();
                }
                if (stop) break;
            }
            intake.lock();
            try {
                // Appends refused after closing never queue; anything left is failed, not dropped.
                for (Pending pending : queue) pending.written.completeExceptionally(new IllegalStateException("the journal closed before this entry was written"));
                queue.clear();
            } finally {
                intake.unlock();
            }
            flushLazyCommits();
            disconnect();
        }

        /**
         * Makes the lazy commits since the last durable one durable, as closing promises: rewrites
         * one session's head as it is, in a durable commit, whose flush covers everything before it.
         */
        private void flushLazyCommits() {
            if (!lazySinceDurable || connection == null || heads.isEmpty()) return;
            try {
                setCommitMode(true);
                Map.Entry<SessionId, Head> any = heads.entrySet().iterator().next();
                upsertHead.setString(1, any.getKey().value());
                upsertHead.setLong(2, any.getValue().seq);
                upsertHead.setString(3, any.getValue().hmac);
                upsertHead.executeUpdate();
                connection.commit();
                lazySinceDurable = false;
                if (deskHead != null) anchorAt(deskHead);
            } catch (SQLException | RuntimeException e) {
                // Every entry is committed; only its flush before a power cut is in doubt.
                failedBatches.increment();
            }
        }

        /** Waits for events and moves up to {@code maxBatch} of them into {@code batch}; true once closing and nothing is left. */
        private boolean take(List<Pending> batch) {
            intake.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    try {
                        queued.await(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        // Only closing stops the writer.
                    }
                }
                while (!queue.isEmpty() && batch.size() < maxBatch) batch.add(queue.poll());
                return closing && queue.isEmpty();
            } finally {
                intake.unlock();
            }
        }

        private void write(List<Pending> batch) throws SQLException {
            if (connection == null) connect();
            boolean durable = false;
            for (Pending pending : batch) durable |= pending.durable;
            setCommitMode(durable);
            Map<SessionId, Head> staged = new LinkedHashMap<>();
            List<JournalEntry> entries = new ArrayList<>(batch.size());
            Head desk = deskHead();
            for (Pending pending : batch) {
                Head previous = staged.get(pending.session);
                if (previous == null) previous = head(pending.session);
                long seq = previous.seq + 1;
                String time = pending.time.toString();
                String hmac = chain.link(previous.hmac, pending.session, seq, pending.type, pending.payload, time);
                insertEntry.setString(1, pending.session.value());
                insertEntry.setLong(2, seq);
                insertEntry.setString(3, pending.type);
                insertEntry.setString(4, pending.payload);
                insertEntry.setString(5, time);
                insertEntry.setString(6, hmac);
                desk = new Head(desk.seq + 1, chain.deskLink(desk.hmac, desk.seq + 1, pending.session, seq, hmac));
                insertEntry.setLong(7, desk.seq);
                insertEntry.setString(8, desk.hmac);
                insertEntry.addBatch();
                staged.put(pending.session, new Head(seq, hmac));
                entries.add(new JournalEntry(pending.session, seq, pending.time, pending.event, hmac));
            }
            insertEntry.executeBatch();
            for (Map.Entry<SessionId, Head> head : staged.entrySet()) {
                upsertHead.setString(1, head.getKey().value());
                upsertHead.setLong(2, head.getValue().seq);
                upsertHead.setString(3, head.getValue().hmac);
                upsertHead.addBatch();
            }
            upsertHead.executeBatch();
            upsertDeskHead.setLong(1, desk.seq);
            upsertDeskHead.setString(2, desk.hmac);
            upsertDeskHead.executeUpdate();
            connection.commit();
            heads.putAll(staged);
            deskHead = desk;
            if (durable) anchorAt(desk);
            for (Map.Entry<SessionId, Head> head : staged.entrySet()) committedSeqs.put(head.getKey(), head.getValue().seq);
            batches.increment();
            if (durable) durableBatches.increment();
            lazySinceDurable = !durable;
            for (int i = 0; i < batch.size(); i++) batch.get(i).written.complete(entries.get(i));
        }

        private void failed(List<Pending> batch, Throwable failure) {
            failedBatches.increment();
            // What the database holds is now uncertain (a commit may fail after it took effect): read the heads again.
            heads.clear();
            deskHead = null;
            for (Pending pending : batch) committedSeqs.remove(pending.session);
            disconnect();
            for (Pending pending : batch) pending.written.completeExceptionally(failure);
        }

        /** Moves the anchor outside the database to {@code head}; a failure is counted, never the batch's. */
        private void anchorAt(Head head) {
            if (anchor == null) return;
            try {
                anchor.write(new JournalAnchor.Head(head.seq, head.hmac));
            } catch (RuntimeException e) {
                failedAnchors.increment();
            }
        }

        private Head deskHead() throws SQLException {
            if (deskHead != null) return deskHead;
            try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(SELECT_DESK_HEAD)) {
                deskHead = row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(0, HashChain.GENESIS);
                return deskHead;
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
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(database.dialect().commitMode(durable));
            } finally {
                connection.setAutoCommit(false);
            }
            durableCommits = durable;
        }

        void connect() throws SQLException {
            connection = database.dataSource().getConnection();
            connection.setAutoCommit(false);
            insertEntry = connection.prepareStatement(INSERT_ENTRY);
            upsertHead = connection.prepareStatement(UPSERT_HEAD);
            selectHead = connection.prepareStatement(SELECT_HEAD);
            upsertDeskHead = connection.prepareStatement(UPSERT_DESK_HEAD);
            durableCommits = null;
            setCommitMode(false);
        }

        /** Rolls back whatever is open and returns the connection to the pool; the next batch takes a fresh one. */
        void disconnect() {
            if (connection == null) return;
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException ignored) {
                // A broken connection cannot roll back; closing it is all that is left to do.
            }
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // The pool discards a connection it cannot close cleanly.
            }
            connection = null;
            durableCommits = null;
        }
    }
}
