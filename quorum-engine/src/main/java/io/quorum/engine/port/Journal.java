package io.quorum.engine.port;

import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import java.util.List;

/**
 * The session's append-only record of everything that happens: agent messages, orders, fills,
 * position, configuration and state changes, user actions. It is the audit trail, the source for
 * replay to a reconnecting client, and what the desk rebuilds itself from after a restart.
 *
 * <p>Every event of a session shares one sequence, assigned here: 1, 2, 3... with no gaps. That
 * journal seq is the key a client resumes from. An agent message keeps the bus's own {@code seq}
 * inside its {@link JournalEvent.MessageJournaled} event; the two numbers are not the same.
 *
 * <p>Durability: {@link #append} returns once the entry is readable. An event that
 * {@linkplain JournalEvent#requiresDurability() requires durability} (an order intention) is
 * committed to stable storage before {@code append} returns; others may be lost in a power failure
 * until the next durable append, which also makes every earlier entry durable. An append that
 * cannot be written throws to its caller and keeps nothing of the entry. Implementations are
 * thread-safe.
 */
public interface Journal extends AutoCloseable {

    /** Appends {@code event} as the session's next entry: assigns the seq, reads the time from the clock, extends the hash chain. */
    JournalEntry append(SessionId session, JournalEvent event);

    /** Like {@link #append}, but returns only once this entry and every earlier one are on stable storage. */
    JournalEntry appendDurably(SessionId session, JournalEvent event);

    /** Up to {@code limit} entries with {@code seq > afterSeq}, in seq order. */
    List<JournalEntry> read(SessionId session, long afterSeq, int limit);

    /** Every session that has at least one entry, in id order. */
    List<SessionId> sessions();

    /** The seq of the session's latest entry, 0 when it has none. */
    long lastSeq(SessionId session);

    /** The argument checks every journal applies to {@link #read}. */
    static void requireValidPage(long afterSeq, int limit) {
        if (afterSeq < 0) throw new IllegalArgumentException("afterSeq: must not be negative, was " + afterSeq);
        if (limit <= 0) throw new IllegalArgumentException("limit: must be positive, was " + limit);
    }

    /** Makes every appended entry durable and releases the storage. */
    @Override void close();
}
