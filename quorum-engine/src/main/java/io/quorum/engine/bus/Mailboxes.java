package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * How a bus hands out mailboxes, the same for every bus: it numbers each subscriber, makes its
 * {@link Mailbox} on the bus's shared workers with the bus's settings and counters, and leaves to
 * the bus only where the mailbox's messages come from ({@link Opener}): the publisher of the
 * session in this process, or a reader of the session's stream.
 */
public final class Mailboxes {
    private final BusSettings settings;
    private final WorkerPool workers;
    private final Opener opener;
    private final Mailbox.Owner owner;
    private final AtomicLong lastSubscriberNumber = new AtomicLong();

    /** Where a bus connects a new mailbox to its session's messages. */
    @FunctionalInterface
    public interface Opener {
        /** Makes the mailbox of {@code subscriber} (with {@link #mailbox}) and starts feeding it; fails when the bus is closed. */
        Mailbox open(Subscriber subscriber, Consumer<AgentMessage> handler);
    }

    /**
     * @param unsubscribe takes a mailbox its subscriber closed out of the bus
     */
    public Mailboxes(BusSettings settings, BusCounters counters, WorkerPool workers, Consumer<Mailbox> unsubscribe, Opener opener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.opener = Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(unsubscribe, "unsubscribe");
        this.owner = new Mailbox.Owner() {
            @Override public void unsubscribe(Mailbox mailbox) { unsubscribe.accept(mailbox); }

            @Override public void countHandlerError() { counters.countHandlerError(); }
        };
    }

    /** A mailbox for the messages of {@code session} addressed to {@code role}. */
    public Mailbox subscribe(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
        return open(session, Objects.requireNonNull(role, "role"), handler);
    }

    /** A mailbox for every message of {@code session}. */
    public Mailbox observe(SessionId session, Consumer<AgentMessage> handler) {
        return open(session, null, handler);
    }

    /** The mailbox of {@code subscriber}, drained into {@code handler} by the bus's workers; for an {@link Opener}. */
    public Mailbox mailbox(Subscriber subscriber, Consumer<AgentMessage> handler) {
        return new Mailbox(subscriber, handler, settings, owner, workers);
    }

    private Mailbox open(SessionId session, AgentRole role, Consumer<AgentMessage> handler) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(handler, "handler");
        return opener.open(new Subscriber(lastSubscriberNumber.incrementAndGet(), session, role), handler);
    }
}
