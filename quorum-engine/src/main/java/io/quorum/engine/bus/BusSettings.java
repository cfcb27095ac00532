package io.quorum.engine.bus;

import io.quorum.engine.message.SessionId;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.ToLongFunction;

/**
 * How a bus is set up; immutable, built from {@link #defaults()} with the {@code with...} verbs.
 * Every implementation of {@link io.quorum.engine.port.MessageBus} honours the same settings, so
 * the contract suite can drive them all alike.
 *
 * @param journal          sees every message before it is delivered
 * @param guards           vet every draft, in this order
 * @param mailboxCapacity  messages one subscriber may have queued
 * @param overflowPolicy   what a full mailbox does
 * @param overflowListener told of every overflowed message
 * @param errorListener    told of every handler that throws
 * @param mailboxThreads   makes the threads of the bus's {@link WorkerPool}, which drain every mailbox
 * @param mailboxWorkers   how many threads that pool has, whatever the number of sessions and subscribers
 * @param lastSeqOf        the last {@code seq} already journaled for a session (0 for a new one),
 *                         so that a desk restarted from its journal goes on numbering where it stopped
 */
public record BusSettings(
        JournalHook journal,
        List<MessageGuard> guards,
        int mailboxCapacity,
        OverflowPolicy overflowPolicy,
        OverflowListener overflowListener,
        HandlerErrorListener errorListener,
        ThreadFactory mailboxThreads,
        int mailboxWorkers,
        ToLongFunction<SessionId> lastSeqOf) {

    public static final int DEFAULT_MAILBOX_CAPACITY = 4096;

    private static final System.Logger LOG = System.getLogger("io.quorum.engine.bus");

    /** Logs overflows, so that the default is never silent; the desk replaces it with one that raises an ALERT. */
    public static final OverflowListener LOG_OVERFLOW = (subscriber, dropped, policy) ->
            LOG.log(Level.WARNING, "mailbox of {0} is full: message seq {1} {2}", subscriber, dropped.seq(), policy);

    public static final HandlerErrorListener LOG_HANDLER_ERROR = (subscriber, message, error) ->
            LOG.log(Level.WARNING, "handler of " + subscriber + " failed on seq " + message.seq(), error);

    public BusSettings {
        Objects.requireNonNull(journal, "journal");
        guards = List.copyOf(guards);
        if (mailboxCapacity < 1) throw new IllegalArgumentException("mailboxCapacity: must be positive, was " + mailboxCapacity);
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        Objects.requireNonNull(overflowListener, "overflowListener");
        Objects.requireNonNull(errorListener, "errorListener");
        Objects.requireNonNull(mailboxThreads, "mailboxThreads");
        if (mailboxWorkers < 1) throw new IllegalArgumentException("mailboxWorkers: must be positive, was " + mailboxWorkers);
        Objects.requireNonNull(lastSeqOf, "lastSeqOf");
    }

    /**
     * No journal, no guard, 4096 messages per mailbox, DROP_NEWEST, overflows and handler errors
     * logged, every mailbox drained by a pool of {@link WorkerPool#DEFAULT_SIZE} platform daemon
     * threads (they measured faster to wake than virtual threads; see docs/bus.md), new sessions
     * numbered from 1.
     */
    public static BusSettings defaults() {
        return new BusSettings(JournalHook.NONE, List.of(), DEFAULT_MAILBOX_CAPACITY, OverflowPolicy.DROP_NEWEST,
                LOG_OVERFLOW, LOG_HANDLER_ERROR, Thread.ofPlatform().daemon().name("bus-worker-", 1).factory(), WorkerPool.DEFAULT_SIZE, session -> 0);
    }

    public BusSettings withJournal(JournalHook newJournal) {
        return new BusSettings(newJournal, guards, mailboxCapacity, overflowPolicy, overflowListener, errorListener, mailboxThreads, mailboxWorkers, lastSeqOf);
    }

    /** These settings with {@code guard} checking after the guards already there. */
    public BusSettings withGuard(MessageGuard guard) {
        List<MessageGuard> more = new ArrayList<>(guards);
        more.add(Objects.requireNonNull(guard, "guard"));
        return new BusSettings(journal, more, mailboxCapacity, overflowPolicy, overflowListener, errorListener, mailboxThreads, mailboxWorkers, lastSeqOf);
    }

    public BusSettings withMailboxCapacity(int capacity) {
        return new BusSettings(journal, guards, capacity, overflowPolicy, overflowListener, errorListener, mailboxThreads, mailboxWorkers, lastSeqOf);
    }

    public BusSettings withOverflowPolicy(OverflowPolicy policy) {
        return new BusSettings(journal, guards, mailboxCapacity, policy, overflowListener, errorListener, mailboxThreads, mailboxWorkers, lastSeqOf);
    }

    public BusSettings withOverflowListener(OverflowListener listener) {
        return new BusSettings(journal, guards, mailboxCapacity, overflowPolicy, listener, errorListener, mailboxThreads, mailboxWorkers, lastSeqOf);
    }

    public BusSettings withErrorListener(HandlerErrorListener listener) {
        return new BusSettings(journal, guards, mailboxCapacity, overflowPolicy, overflowListener, listener, mailboxThreads, mailboxWorkers, lastSeqOf);
    }

    /** How many threads drain the mailboxes; see {@link WorkerPool} for what that number buys. */
    public BusSettings withMailboxWorkers(int workers) {
        return new BusSettings(journal, guards, mailboxCapacity, overflowPolicy, overflowListener, errorListener, mailboxThreads, workers, lastSeqOf);
    }

    public BusSettings withMailboxThreads(ThreadFactory threads) {
        return new BusSettings(journal, guards, mailboxCapacity, overflowPolicy, overflowListener, errorListener, threads, mailboxWorkers, lastSeqOf);
    }

    public BusSettings withLastSeqOf(ToLongFunction<SessionId> lookup) {
        return new BusSettings(journal, guards, mailboxCapacity, overflowPolicy, overflowListener, errorListener, mailboxThreads, mailboxWorkers, lookup);
    }
}
