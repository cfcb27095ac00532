package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.MalformedMessageException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every bus counts for {@link BusStats}, with the two publishing steps that every bus takes
 * alike and counts as it goes: the guards, which may refuse a draft, and the journal hook, which may
 * fail. Safe from any thread.
 */
public final class BusCounters {
    private final MessageGuard[] guards;
    private final JournalHook journal;
    private final LongAdder published = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder journalFailures = new LongAdder();
    private final LongAdder overflowed = new LongAdder();
    private final LongAdder handlerErrors = new LongAdder();

    public BusCounters(BusSettings settings) {
        this.guards = settings.guards().toArray(MessageGuard[]::new);
        this.journal = settings.journal();
    }

    /** Runs every guard on {@code draft}, in order; a refusal is counted and rethrown. */
    public void checkGuards(AgentMessage draft) {
        try {
            for (MessageGuard guard : guards) guard.check(draft);
        } catch (MalformedMessageException refusal) {
            refused.increment();
            throw refusal;
        }
    }

    /** Hands {@code sequenced} to the journal hook; a failure is counted and rethrown. */
    public void journal(AgentMessage sequenced) {
        try {
            journal.append(sequenced);
        } catch (RuntimeException failure) {
            journalFailures.increment();
            throw failure;
        }
    }

    public void countPublished() { published.increment(); }

    public void countOverflow() { overflowed.increment(); }

    public void countHandlerError() { handlerErrors.increment(); }

    /** The totals now, with the live mailboxes' own counters. */
    public BusStats stats(List<BusStats.SubscriberStats> subscribers) {
        return new BusStats(published.sum(), refused.sum(), journalFailures.sum(), overflowed.sum(), handlerErrors.sum(), subscribers);
    }
}
