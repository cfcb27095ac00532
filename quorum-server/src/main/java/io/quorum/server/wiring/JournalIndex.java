package io.quorum.server.wiring;

import io.quorum.engine.decision.DecisionLinks;
import io.quorum.engine.decision.DecisionRecord;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import io.quorum.engine.port.Journal;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.server.api.AlertView;
import io.quorum.server.api.TradeFill;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What the history queries need, per session, so that they read an index rather than the whole
 * journal: the decisions linked to their votes and orders ({@link DecisionLinks}), the seq, sender
 * and type of every agent message (a few bytes each; the messages themselves stay in the journal
 * and a page reads only the entries it shows), and the alerts.
 *
 * <p><b>In memory, rebuilt at start.</b> Everything here is derived from the journal, which stays
 * the only source of truth. The index is rebuilt once when the server starts, one sequential read
 * of each session's journal, and then kept up to date from the journal's tail. A table of its own
 * would have to be written in the same transaction as each journal entry to be trusted after a
 * crash, and would be one more schema to migrate; a rebuild can never disagree with the journal.
 * The day a start takes too long, the decision part is the one to move into a table.
 *
 * <p><b>Never behind a reader.</b> Each session's index knows the last seq it has taken. The tail
 * listener applies an entry when it is the next one, and otherwise reads what it missed from the
 * journal; a query first takes whatever the journal has beyond that seq. So a query sees every
 * entry appended before it began, however late the tail's listener runs, and an entry is never
 * taken twice. The listener never waits: when a query is catching the session up it leaves the
 * entry to that query.
 */
final class JournalIndex implements AutoCloseable {
    private static final int PAGE = 1_000;

    private final Journal journal;
    private final Map<SessionId, SessionIndex> sessions = new ConcurrentHashMap<>();
    private final AutoCloseable following;

    /** Follows the tail first, then rebuilds every session's index from the journal. */
    JournalIndex(ObservableJournal journal) {
        this.journal = journal;
        this.following = journal.followAll(this::onTail);
        for (SessionId session : journal.sessions()) index(session).catchUp();
    }

    /** The session's decisions, in journal order. */
    List<DecisionRecord> decisions(SessionId session) {
        return caughtUp(session, i -> i.decisions.decisions());
    }

    /** The journal seqs of the session's messages after {@code afterSeq} that {@code sender} and {@code type} (null: any) match, at most {@code limit}. */
    long[] messageSeqs(SessionId session, long afterSeq, int limit, AgentRole sender, MessageType type) {
        return caughtUp(session, i -> i.messages.find(afterSeq, limit, sender, type));
    }

    /** The session's executions, in journal order. */
    List<TradeFill> fills(SessionId session) {
        return caughtUp(session, i -> List.copyOf(i.fills));
    }

    /** Every session's executions, archived sessions' too, in time order (a session's own stay in journal order). */
    List<TradeFill> allFills() {
        for (SessionId session : journal.sessions()) index(session);
        List<TradeFill> all = new ArrayList<>();
        for (SessionId session : sessions.keySet()) all.addAll(fills(session));
        all.sort(Comparator.comparing(TradeFill::time));
        return all;
    }

    /** The session's alerts, in journal order. */
    List<AlertView> alerts(SessionId session) {
        return caughtUp(session, i -> List.copyOf(i.alerts));
    }

    /** What {@code read} reads off the session's index once it has taken every entry the journal has. */
    private <T> T caughtUp(SessionId session, Function<SessionIndex, T> read) {
        SessionIndex index = index(session);
        index.lock.lock();
        try {
            index.catchUp();
            return read.apply(index);
        } finally {
            index.lock.unlock();
        }
    }

    @Override public void close() {
        try {
            following.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop following the journal", e);
        }
    }

    private void onTail(JournalEntry entry) {
        SessionIndex index = index(entry.session());
        if (!index.lock.tryLock()) return;   // a query is catching this session up: it takes the entry
        try {
            if (entry.seq() == index.through + 1) index.take(entry);
            else if (entry.seq() > index.through) index.catchUp();
        } finally {
            index.lock.unlock();
        }
    }

    private SessionIndex index(SessionId session) { return sessions.computeIfAbsent(session, SessionIndex::new); }

    /** One session's part; every field is guarded by {@code lock}. */
    private final class SessionIndex {
        final ReentrantLock lock = new ReentrantLock();
        final SessionId session;
        final DecisionLinks decisions;
        final MessageSeqs messages = new MessageSeqs();
        final List<AlertView> alerts = new ArrayList<>();
        final List<TradeFill> fills = new ArrayList<>();
        long through;

        SessionIndex(SessionId session) {
            this.session = session;
            this.decisions = new DecisionLinks(session);
        }

        /** Takes every entry the journal has beyond {@code through}. */
        void catchUp() {
            lock.lock();
            try {
                while (true) {
                    List<JournalEntry> page = journal.read(session, through, PAGE);
                    for (JournalEntry entry : page) {
                        if (entry.seq() > through) take(entry);
                    }
                    if (page.size() < PAGE) return;
                }
            } finally {
                lock.unlock();
            }
        }

        void take(JournalEntry entry) {
            decisions.take(entry);
            if (entry.event() instanceof JournalEvent.MessageJournaled journaled) {
                AgentMessage message = journaled.message();
                messages.add(entry.seq(), message.sender(), message.type());
                if (message.content() instanceof Alert alert) alerts.add(ApiViews.alert(entry.seq(), entry.time(), alert));
                if (message.content() instanceof Update update && update.execution() != null) fills.add(ApiViews.fill(session, entry.time(), update.execution()));
            }
            through = entry.seq();
        }
    }

    /** Seq, sender and type of each message, in seq order, in growing arrays. */
    private static final class MessageSeqs {
        private static final AgentRole[] ROLES = AgentRole.values();
        private static final MessageType[] TYPES = MessageType.values();
        private long[] seqs = new long[64];
        private byte[] senders = new byte[64];
        private byte[] types = new byte[64];
        private int size;

        void add(long seq, AgentRole sender, MessageType type) {
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
                senders = Arrays.copyOf(senders, size * 2);
                types = Arrays.copyOf(types, size * 2);
            }
            seqs[size] = seq;
            senders[size] = (byte) sender.ordinal();
            types[size] = (byte) type.ordinal();
            size++;
        }

        long[] find(long afterSeq, int limit, AgentRole sender, MessageType type) {
            int from = Arrays.binarySearch(seqs, 0, size, afterSeq);
            from = from >= 0 ? from + 1 : -from - 1;
            long[] found = new long[Math.min(limit, size - from)];
            int count = 0;
            for (int i = from; i < size && count < found.length; i++) {
                if (sender != null && ROLES[senders[i]] != sender) continue;
                if (type != null && TYPES[types[i]] != type) continue;
                found[count++] = seqs[i];
            }
            return Arrays.copyOf(found, count);
        }
    }
}
