package io.quorum.engine.journal;

import io.quorum.engine.port.Journal;
import io.quorum.engine.session.SessionId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A journal that tells listeners about each entry once it is stored, in seq order per session.
 * It is the live tail of the journal: a client that replays from the journal and then follows
 * this tail sees every entry exactly once. Listeners run on the appending thread and must not block.
 */
public final class ObservableJournal implements Journal {
    private final Journal journal;
    private final Map<SessionId, Object> sessionLocks = new ConcurrentHashMap<>();
    private final Map<SessionId, List<Consumer<JournalEntry>>> listeners = new ConcurrentHashMap<>();
    private final List<Consumer<JournalEntry>> everything = new CopyOnWriteArrayList<>();

    public ObservableJournal(Journal journal) { this.journal = journal; }

    /** Follows the session's new entries; returns the handle that stops following. */
    public AutoCloseable follow(SessionId session, Consumer<JournalEntry> listener) {
        List<Consumer<JournalEntry>> forSession = listeners.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>());
        forSession.add(listener);
        return () -> forSession.remove(listener);
    }

    /** Follows every session's new entries: for metrics and monitors. */
    public AutoCloseable followAll(Consumer<JournalEntry> listener) {
        everything.add(listener);
        return () -> everything.remove(listener);
    }

    @Override public JournalEntry append(SessionId session, JournalEvent event) {
        synchronized (lock(session)) { return told(journal.append(session, event)); }
    }

    @Override public JournalEntry appendDurably(SessionId session, JournalEvent event) {
        synchronized (lock(session)) { return told(journal.appendDurably(session, event)); }
    }

    @Override public List<JournalEntry> read(SessionId session, long afterSeq, int limit) { return journal.read(session, afterSeq, limit); }

    @Override public List<SessionId> sessions() { return journal.sessions(); }

    @Override public long lastSeq(SessionId session) { return journal.lastSeq(session); }

    @Override public void close() { journal.close(); }

    private Object lock(SessionId session) { return sessionLocks.computeIfAbsent(session, s -> new Object()); }

    /** Called while the session's lock is held, so that listeners hear entries in seq order. */
    private JournalEntry told(JournalEntry entry) {
        for (Consumer<JournalEntry> listener : everything) listener.accept(entry);
        List<Consumer<JournalEntry>> forSession = listeners.get(entry.session());
        if (forSession != null) {
            for (Consumer<JournalEntry> listener : forSession) listener.accept(entry);
        }
        return entry;
    }
}
