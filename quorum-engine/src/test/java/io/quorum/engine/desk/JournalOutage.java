package io.quorum.engine.desk;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Journal;
import java.util.List;

/** A journal whose storage a test can take away and give back, as when a database server stops and starts. */
final class JournalOutage implements Journal {
    private final Journal journal;
    private volatile boolean down;

    JournalOutage(Journal journal) { this.journal = journal; }

    void stop() { down = true; }

    void start() { down = false; }

    @Override public JournalEntry append(SessionId session, JournalEvent event) {
        refuseWhileDown();
        return journal.append(session, event);
    }

    @Override public JournalEntry appendDurably(SessionId session, JournalEvent event) {
        refuseWhileDown();
        return journal.appendDurably(session, event);
    }

    @Override public List<JournalEntry> read(SessionId session, long afterSeq, int limit) { return journal.read(session, afterSeq, limit); }

    @Override public List<SessionId> sessions() { return journal.sessions(); }

    @Override public long lastSeq(SessionId session) { return journal.lastSeq(session); }

    @Override public void close() { journal.close(); }

    private void refuseWhileDown() {
        if (down) throw new IllegalStateException("database unavailable: connection refused");
    }
}
