package io.quorum.engine.store;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Journal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A journal whose tail can be followed: each listener hears every entry appended after it started
 * following, in seq order per session, exactly once. A client that replays from the journal and
 * then follows its tail (ignoring what it already had by seq) sees every entry exactly once.
 *
 * <p>Listeners never run inside an append. Each follower has a thread of its own (a virtual
 * thread) that reads the tail: an append only notes its entry in a small per-session window of
 * recent entries and wakes the session's followers, then returns. A follower takes the entries
 * it has not heard yet from that window, or from the journal when it has fallen further behind,
 * so a listener that blocks delays only itself: appends and the other listeners go on, and the
 * blocked one catches up from the journal when it returns. A listener that throws is counted
 * ({@link #listenerFailures()}) and keeps following; a journal read that fails is retried.
 */
public final class ObservableJournal implements Journal {
    /** How many recent entries of each session are kept for followers that are nearly caught up. */
    private static final int RECENT = 32;
    private static final int PAGE = 256;
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Journal journal;
    private final Map<SessionId, Tail> tails = new ConcurrentHashMap<>();
    private final List<Follower> ofEverySession = new CopyOnWriteArrayList<>();
    private final LongAdder listenerFailures = new LongAdder();
    private final LongAdder readFailures = new LongAdder();

    public ObservableJournal(Journal journal) { this.journal = Objects.requireNonNull(journal, "journal"); }

    /** Follows the session's entries appended from now on, on a thread of its own; returns the handle that stops following. */
    public AutoCloseable follow(SessionId session, Consumer<JournalEntry> listener) {
        Objects.requireNonNull(session, "session");
        Follower follower = new Follower(listener, "journal-tail-" + session.value());
        Tail tail = tail(session);
        tail.followers.add(follower);
        follower.cursors.put(session, journal.lastSeq(session));
        follower.dirty.add(session);
        follower.thread.start();
        return () -> {
            tail.followers.remove(follower);
            follower.stop();
        };
    }

    /** Follows every session's entries appended from now on, a new session's from its first: for metrics and monitors. */
    public AutoCloseable followAll(Consumer<JournalEntry> listener) {
        Follower follower = new Follower(listener, "journal-tail-all");
        ofEverySession.add(follower);
        for (SessionId session : journal.sessions()) follower.cursors.put(session, journal.lastSeq(session));
        follower.dirty.addAll(tails.keySet());
        follower.thread.start();
        return () -> {
            ofEverySession.remove(follower);
            follower.stop();
        };
    }

    @Override public JournalEntry append(SessionId session, JournalEvent event) { return told(journal.append(session, event)); }

    @Override public JournalEntry appendDurably(SessionId session, JournalEvent event) { return told(journal.appendDurably(session, event)); }

    @Override public List<JournalEntry> read(SessionId session, long afterSeq, int limit) { return journal.read(session, afterSeq, limit); }

    @Override public List<SessionId> sessions() { return journal.sessions(); }

    @Override public long lastSeq(SessionId session) { return journal.lastSeq(session); }

    /** Listener calls that threw, since the journal opened. */
    public long listenerFailures() { return listenerFailures.sum(); }

    /** Reads of the tail that failed and were retried, since the journal opened. */
    public long tailReadFailures() { return readFailures.sum(); }

    /** Stops every follower, then closes the journal. */
    @Override public void close() {
        for (Follower follower : ofEverySession) follower.stop();
        for (Tail tail : tails.values()) {
            for (Follower follower : tail.followers) follower.stop();
        }
        journal.close();
    }

    private Tail tail(SessionId session) { return tails.computeIfAbsent(session, s -> new Tail()); }

    /** Notes the entry and wakes its followers; never waits and never runs a listener. */
    private JournalEntry told(JournalEntry entry) {
        Tail tail = tail(entry.session());
        tail.offer(entry);
        for (Follower follower : tail.followers) follower.wake(entry.session());
        for (Follower follower : ofEverySession) follower.wake(entry.session());
        return entry;
    }

    /** A session's latest seq told so far, and a window of its recent entries. */
    private static final class Tail {
        final AtomicLong lastSeq = new AtomicLong();
        final AtomicReferenceArray<JournalEntry> recent = new AtomicReferenceArray<>(RECENT);
        final List<Follower> followers = new CopyOnWriteArrayList<>();

        void offer(JournalEntry entry) {
            recent.set((int) (entry.seq() % RECENT), entry);
            lastSeq.accumulateAndGet(entry.seq(), Math::max);
        }

        /** The entry with {@code seq} if the window still holds it; null otherwise. */
        JournalEntry recent(long seq) {
            JournalEntry entry = recent.get((int) (seq % RECENT));
            return entry != null && entry.seq() == seq ? entry : null;
        }
    }

    /** One listener and its thread, with how far it has read each session. */
    private final class Follower {
        final Consumer<JournalEntry> listener;
        /** Sessions with entries it may not have heard yet; added by appenders, removed by its thread. */
        final Set<SessionId> dirty = ConcurrentHashMap.newKeySet();
        /** The seq last heard, per session; touched by its thread only once started. */
        final Map<SessionId, Long> cursors = new HashMap<>();
        final Thread thread;
        volatile boolean stopped;

        Follower(Consumer<JournalEntry> listener, String name) {
            this.listener = Objects.requireNonNull(listener, "listener");
            this.thread = Thread.ofVirtual().name(name).unstarted(this::run);
        }

        void wake(SessionId session) {
            dirty.add(session);
            LockSupport.unpark(thread);
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        private void run() {
            while (!stopped) {
                if (dirty.isEmpty()) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                    continue;
                }
                for (Iterator<SessionId> sessions = dirty.iterator(); sessions.hasNext() && !stopped; ) {
                    SessionId session = sessions.next();
                    // Removed before reading, so that an entry appended meanwhile marks it again.
                    sessions.remove();
                    catchUp(session);
                }
            }
        }

        /** Hears every entry of the session after its cursor, up to the latest one told. */
        private void catchUp(SessionId session) {
            Tail tail = tail(session);
            long cursor = cursors.getOrDefault(session, 0L);
            try {
                while (!stopped && cursor < tail.lastSeq.get()) {
                    JournalEntry next = tail.recent(cursor + 1);
                    if (next != null) {
                        cursor = hear(next);
                        continue;
                    }
                    // Too far behind for the window, or told out of order by concurrent appenders: the journal has it.
                    List<JournalEntry> page = journal.read(session, cursor, PAGE);
                    if (page.isEmpty()) break;
                    for (JournalEntry entry : page) {
                        if (stopped) break;
                        cursor = hear(entry);
                    }
                }
            } catch (RuntimeException readFailed) {
                readFailures.increment();
                dirty.add(session);
                LockSupport.parkNanos(RETRY_NANOS);
            } finally {
                cursors.put(session, cursor);
            }
        }

        private long hear(JournalEntry entry) {
            try {
                listener.accept(entry);
            } catch (RuntimeException failure) {
                listenerFailures.increment();
            }
            return entry.seq();
        }
    }
}
