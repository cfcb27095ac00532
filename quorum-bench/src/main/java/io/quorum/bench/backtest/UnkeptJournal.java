package io.quorum.bench.backtest;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.Journal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A journal that numbers entries and keeps none, so that S6 measures the desk's vote and not storage (S9 measures that). */
final class UnkeptJournal implements Journal {
    private final Clock clock;
    private final Map<SessionId, Long> lastSeqs = new HashMap<>();

    UnkeptJournal(Clock clock) { this.clock = clock; }

    @Override public JournalEntry append(SessionId session, JournalEvent event) {
        return new JournalEntry(session, lastSeqs.merge(session, 1L, Long::sum), clock.now(), event, "unkept");
    }

    @Override public JournalEntry appendDurably(SessionId session, JournalEvent event) { return append(session, event); }

    @Override public List<JournalEntry> read(SessionId session, long afterSeq, int limit) { return List.of(); }

    @Override public List<SessionId> sessions() { return List.copyOf(lastSeqs.keySet()); }

    @Override public long lastSeq(SessionId session) { return lastSeqs.getOrDefault(session, 0L); }

    @Override public void close() { }
}
