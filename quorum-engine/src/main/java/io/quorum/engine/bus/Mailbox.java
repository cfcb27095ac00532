package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.port.MessageBus;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One subscriber's bounded, ordered queue, drained into its handler by the bus's shared
 * {@link WorkerPool}: an actor-style serial executor that holds no thread of its own.
 *
 * <p>The queue is a single-producer, single-consumer ring: only the session's publisher, inside
 * the session's critical section, ever adds ({@link #offer}), and only the mailbox's current turn
 * takes. So no lock is taken per message; {@code tail} and {@code head} are the only shared state
 * and each has one writer at a time.
 *
 * <p>A turn is one task on the pool. {@code scheduled} says a turn is queued or running: the
 * producer queues one only when it flips {@code scheduled} from false to true, so there is never
 * more than one, and the handler is called one message at a time, in {@code seq} order. A turn
 * that finds the ring empty clears {@code scheduled}, then looks at {@code tail} once more: the
 * volatile {@code tail} write and {@code scheduled} read on one side, the {@code scheduled} write
 * and {@code tail} read on the other, make sure that a message is never left behind with no turn
 * to take it. A turn hands at most {@value #TURN} messages to the handler, then queues the next
 * turn behind the other mailboxes waiting for a thread, so a busy subscriber cannot starve them.
 *
 * <p>Any bus may queue its subscribers' messages here: the in-process bus from its publisher, the
 * Redis bus from the thread that reads the subscriber's stream. Either way one thread offers.
 */
public final class Mailbox implements MessageBus.Subscription {
    /** Messages one turn hands to the handler before it gives its thread back. */
    static final int TURN = 64;

    private final Subscriber subscriber;
    private final Consumer<AgentMessage> handler;
    private final HandlerErrorListener errorListener;
    private final Owner owner;
    private final Executor workers;
    private final AgentMessage[] ring;
    private final Runnable turn = this::drain;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Next position to write; written only under the session's lock. */
    private volatile long tail;
    /** Next position to read; written only by the mailbox's current turn. */
    private volatile long head;
    private volatile boolean running = true;

    // Written by one turn at a time (delivered: handed to the handler, whether it threw or not), volatile for stats().
    private volatile long delivered;
    private volatile long overflowed;
    private volatile long handlerErrors;

    /** What a mailbox tells the bus that made it. */
    public interface Owner {
        /** The mailbox was closed by its subscriber: take it out of its session. */
        void unsubscribe(Mailbox mailbox);

        /** A handler threw; the bus counts it in its totals. */
        void countHandlerError();
    }

    public Mailbox(Subscriber subscriber, Consumer<AgentMessage> handler, BusSettings settings, Owner owner, Executor workers) {
        this.subscriber = subscriber;
        this.handler = handler;
        this.errorListener = settings.errorListener();
        this.owner = owner;
        this.workers = workers;
        this.ring = new AgentMessage[settings.mailboxCapacity()];
    }

    public Subscriber subscriber() { return subscriber; }

    /** Unsubscribes; what is still queued is dropped. Idempotent; safe from the handler itself. */
    @Override public void close() {
        if (closed.compareAndSet(false, true)) owner.unsubscribe(this);
    }

    public boolean wants(AgentMessage message) {
        return subscriber.role() == null || message.isFor(subscriber.role());
    }

    /** Queues {@code message}, or returns false when the ring is full. Only one thread at a time may offer. */
    public boolean offer(AgentMessage message) {
        long position = tail;
        if (position - head >= ring.length) {
            overflowed = overflowed + 1;
            return false;
        }
        ring[(int) (position % ring.length)] = message;
        tail = position + 1;
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) queueTurn();
        return true;
    }

    /** Ends the deliveries once the handler call in progress returns; called after the mailbox left its session. */
    public void stop() {
        closed.set(true);
        running = false;
    }

    public BusStats.SubscriberStats stats() {
        return new BusStats.SubscriberStats(subscriber, delivered, overflowed, handlerErrors, (int) (tail - head));
    }

    private void queueTurn() {
        try {
            workers.execute(turn);
        } catch (RejectedExecutionException closing) {
            // The bus is closing: nothing more is delivered.
        }
    }

    private void drain() {
        int handled = 0;
        while (running) {
            long position = head;
            if (position == tail) {
                scheduled.set(false);
                if (position == tail || !scheduled.compareAndSet(false, true)) return;
                continue;
            }
            if (handled == TURN) {
                queueTurn();
                return;
            }
            int slot = (int) (position % ring.length);
            AgentMessage message = ring[slot];
            ring[slot] = null;
            head = position + 1;
            deliver(message);
            handled++;
        }
    }

    private void deliver(AgentMessage message) {
        try {
            handler.accept(message);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable error) {
            handlerErrors = handlerErrors + 1;
            owner.countHandlerError();
            report(message, error);
        }
        delivered = delivered + 1;
    }

    private void report(AgentMessage message, Throwable error) {
        try {
            errorListener.handlerFailed(subscriber, message, error);
        } catch (RuntimeException listenerFailure) {
            // The error was counted; a failing reporter must not stop the deliveries.
        }
    }
}
