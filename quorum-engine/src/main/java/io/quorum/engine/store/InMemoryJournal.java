package io.quorum.engine.store;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.Journal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A journal kept in memory, for tests and for a desk that needs no history. Its hash chain is a
 * plain SHA-256 over the previous link and the entry: it shows the shape of the chain, but an
 * in-memory journal is no audit store (the JDBC journal keys its chain with a secret).
 */
public final class InMemoryJournal implements Journal {
    private static final String GENESIS = "0".repeat(64);

    private final Clock clock;
    private final Map<SessionId, List<JournalEntry>> sessions = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

    public InMemoryJournal(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized JournalEntry append(SessionId session, JournalEvent event) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(event, "event");
        List<JournalEntry> entries = sessions.computeIfAbsent(session, s -> new ArrayList<>());
        long seq = entries.size() + 1L;
        String previous = entries.isEmpty() ? GENESIS : entries.getLast().hash();
        var time = clock.now();
        String hash = sha256(previous + '|' + session + '|' + seq + '|' + event.kind() + '|' + event + '|' + time);
        JournalEntry entry = new JournalEntry(session, seq, time, event, hash);
        entries.add(entry);
        return entry;
    }

    /** Memory is as durable as this journal gets. */
    @Override
    public JournalEntry appendDurably(SessionId session, JournalEvent event) {
        return append(session, event);
    }

    @Override
    public synchronized List<JournalEntry> read(SessionId session, long afterSeq, int limit) {
        Journal.requireValidPage(afterSeq, limit);
        List<JournalEntry> entries = sessions.getOrDefault(session, List.of());
        int from = (int) Math.min(afterSeq, entries.size());
        int to = (int) Math.min((long) from + limit, entries.size());
        return List.copyOf(entries.subList(from, to));
    }

    @Override
    public synchronized List<SessionId> sessions() { return List.copyOf(sessions.keySet()); }

    @Override
    public synchronized long lastSeq(SessionId session) {
        return sessions.getOrDefault(session, List.of()).size();
    }

    @Override
    public void close() {}

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
