package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.SessionId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The in-process bus: the embedded default, and the one the bench measures.
 *
 * <p>Per session, one short critical section gives the draft its {@code seq}, journals it and
 * queues it in every interested mailbox, so the journal and every subscriber see the session in
 * {@code seq} order. Queuing never waits: each {@link Mailbox} is a bounded ring, and a full ring
 * applies the {@link OverflowPolicy}. Guards run before the critical section; overflow reports run
 * after it, so that a listener may publish an ALERT without breaking the order of the message it is
 * reporting.
 *
 * <p>The bus owns one {@link WorkerPool} that drains every mailbox of every session: its number of
 * threads is set by {@link BusSettings#mailboxWorkers()}, never by the number of sessions.
 */
public final class InMemoryMessageBus implements MailboxBus {
    private final BusSettings settings;
    private final WorkerPool workers;
    private final BusCounters counters;
    private final ConcurrentHashMap<SessionId, SessionChannel> channels = new ConcurrentHashMap<>();
    private final Mailboxes mailboxes;
    private volatile boolean closed;

    public InMemoryMessageBus(BusSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counters = new BusCounters(settings);
        this.workers = new WorkerPool("bus", settings.mailboxWorkers(), settings.mailboxThreads());
        this.mailboxes = new Mailboxes(settings, counters, workers, this::unsubscribe, this::open);
    }

    /** A bus on {@link BusSettings#defaults()}. */
    public InMemoryMessageBus() { this(BusSettings.defaults()); }

    @Override
    public AgentMessage publish(AgentMessage draft) {
        if (draft.isSequenced()) throw new IllegalArgumentException("draft: already carries seq " + draft.seq() + "; publish a draft");
        requireOpen();
        counters.checkGuards(draft);
        SessionChannel channel = channelOf(draft.sessionId());
        AgentMessage sequenced;
        List<Mailbox> overflowedMailboxes = null;
        channel.lock.lock();
        try {
            sequenced = draft.sequenced(channel.lastSeq + 1);
            counters.journal(sequenced);
            channel.lastSeq = sequenced.seq();
            counters.countPublished();
            for (Mailbox mailbox : channel.mailboxes) {
                if (mailbox.wants(sequenced) && !mailbox.offer(sequenced)) {
                    if (overflowedMailboxes == null) overflowedMailboxes = new ArrayList<>(2);
                    overflowedMailboxes.add(mailbox);
                    if (settings.overflowPolicy() == OverflowPolicy.DISCONNECT) channel.remove(mailbox); // ends its deliveries
                }
            }
        } finally {
            channel.lock.unlock();
        }
        if (overflowedMailboxes != null) reportOverflows(overflowedMailboxes, sequenced);
        return sequenced;
    }

    @Override
    public Mailboxes mailboxes() { return mailboxes; }

    @Override
    public BusStats stats() {
        List<BusStats.SubscriberStats> subscribers = new ArrayList<>();
        for (SessionChannel channel : channels.values()) {
            for (Mailbox mailbox : channel.mailboxes) subscribers.add(mailbox.stats());
        }
        return counters.stats(subscribers);
    }

    /** Stops every mailbox, then the bus's threads, waiting a little for handlers in progress to return. */
    @Override
    public void close() {
        closed = true;
        for (SessionChannel channel : channels.values()) {
            channel.lock.lock();
            try {
                for (Mailbox mailbox : channel.mailboxes) mailbox.stop();
                channel.mailboxes = new Mailbox[0];
            } finally {
                channel.lock.unlock();
            }
        }
        workers.close();
    }

    /** Takes the mailbox out of its session, for good. */
    private void unsubscribe(Mailbox mailbox) {
        SessionChannel channel = channels.get(mailbox.subscriber().session());
        channel.lock.lock();
        try {
            channel.remove(mailbox);
        } finally {
            channel.lock.unlock();
        }
    }

    /** Puts the subscriber's mailbox among its session's, which the publisher offers each message to. */
    private Mailbox open(Subscriber subscriber, Consumer<AgentMessage> handler) {
        requireOpen();
        Mailbox mailbox = mailboxes.mailbox(subscriber, handler);
        SessionChannel channel = channelOf(subscriber.session());
        channel.lock.lock();
        try {
            requireOpen();
            channel.add(mailbox);
        } finally {
            channel.lock.unlock();
        }
        return mailbox;
    }

    private void reportOverflows(List<Mailbox> overflowedMailboxes, AgentMessage dropped) {
        OverflowPolicy policy = settings.overflowPolicy();
        for (Mailbox mailbox : overflowedMailboxes) {
            counters.countOverflow();
            settings.overflowListener().overflowed(mailbox.subscriber(), dropped, policy);
        }
    }

    private SessionChannel channelOf(SessionId session) {
        SessionChannel channel = channels.get(session);
        return channel != null ? channel : channels.computeIfAbsent(session, this::newChannel);
    }

    private SessionChannel newChannel(SessionId session) {
        return new SessionChannel(settings.lastSeqOf().applyAsLong(session));
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the bus is closed");
    }

    /** One session's sequence and subscribers; everything here is guarded by {@code lock}. */
    private static final class SessionChannel {
        final ReentrantLock lock = new ReentrantLock();
        long lastSeq;
        /** Copy-on-write, so that stats() may read it without the lock. */
        volatile Mailbox[] mailboxes = new Mailbox[0];

        SessionChannel(long lastSeq) {
            if (lastSeq < 0) throw new IllegalArgumentException("lastSeq: must not be negative, was " + lastSeq);
            this.lastSeq = lastSeq;
        }

        void add(Mailbox mailbox) {
            Mailbox[] more = Arrays.copyOf(mailboxes, mailboxes.length + 1);
            more[mailboxes.length] = mailbox;
            mailboxes = more;
        }

        void remove(Mailbox mailbox) {
            Mailbox[] current = mailboxes;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == mailbox) {
                    Mailbox[] fewer = new Mailbox[current.length - 1];
                    System.arraycopy(current, 0, fewer, 0, i);
                    System.arraycopy(current, i + 1, fewer, i, current.length - i - 1);
                    mailboxes = fewer;
                    mailbox.stop();
                    return;
                }
            }
        }
    }
}
