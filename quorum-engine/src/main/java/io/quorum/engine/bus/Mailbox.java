package io.quorum.engine.bus;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.port.MessageBus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One subscriber's bounded, ordered queue and the thread that drains it into the handler.
 *
 * <p>The queue is a single-producer, single-consumer ring: only the session's publisher, inside
 * the session's critical section, ever adds ({@link #offer}), and only this mailbox's thread takes.
 * So no lock is taken per message; {@code tail} and {@code head} are the only shared state and each
 * has one writer. The thread parks when the ring is empty and the producer unparks it only when it
 * has announced that it is parked: the volatile {@code tail} write and the volatile {@code parked}
 * read on one side, the {@code parked} write and {@code tail} read on the other, make sure a
 * wake-up is never lost.
 */
public final class Mailbox implements MessageBus.Subscription {
    private final Subscriber subscriber;
    private final Consumer<AgentMessage> handler;
    private final HandlerErrorListener errorListener;
    private final InMemoryMessageBus bus;
    private final AgentMessage[] ring;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Next position to write; written only under the session's lock. */
    private volatile long tail;
    /** Next position to read; written only by this mailbox's thread. */
    private volatile long head;
    private volatile boolean parked;
    private volatile boolean running = true;

    // Single-writer counters (delivered: handed to the handler, whether it threw or not), volatile for stats().
    private volatile long delivered;
    private volatile long overflowed;
    private volatile long handlerErrors;

    Mailbox(Subscriber subscriber, Consumer<AgentMessage> handler, BusSettings settings, InMemoryMessageBus bus) {
        this.subscriber = subscriber;
        this.handler = handler;
        this.errorListener = settings.errorListener();
        this.bus = bus;
        this.ring = new AgentMessage[settings.mailboxCapacity()];
        this.thread = settings.mailboxThreads().newThread(this::drain);
        thread.setName("bus-" + subscriber);
    }

    public Subscriber subscriber() { return subscriber; }

    /** Unsubscribes; what is still queued is dropped. Idempotent; safe from the handler itself. */
    @Override public void close() {
        if (closed.compareAndSet(false, true)) bus.unsubscribe(this);
    }

    void start() { thread.start(); }

    boolean wants(AgentMessage message) {
        return subscriber.role() == null || message.isFor(subscriber.role());
    }

    /** Queues {@code message}, or returns false when the ring is full. Caller holds the session's lock. */
    boolean offer(AgentMessage message) {
        long position = tail;
        if (position - head >= ring.length) {
            overflowed = overflowed + 1;
            return false;
        }
        ring[(int) (position % ring.length)] = message;
        tail = position + 1;
        if (parked) LockSupport.unpark(thread);
        return true;
    }

    /** Stops the thread once its current handler call returns; called after the mailbox left its session. */
    void stop() {
        closed.set(true);
        running = false;
        LockSupport.unpark(thread);
    }

    boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        if (thread == Thread.currentThread()) return false;
        return thread.join(Duration.ofMillis(timeoutMillis));
    }

    BusStats.SubscriberStats stats() {
        return new BusStats.SubscriberStats(subscriber, delivered, overflowed, handlerErrors, (int) (tail - head));
    }

    private void drain() {
        while (running) {
            long position = head;
            if (position == tail) {
                awaitMessage();
                continue;
            }
            int slot = (int) (position % ring.length);
            AgentMessage message = ring[slot];
            ring[slot] = null;
            head = position + 1;
            deliver(message);
        }
    }

    private void awaitMessage() {
        parked = true;
        if (running && head == tail) LockSupport.park(this);
        parked = false;
    }

    private void deliver(AgentMessage message) {
        try {
            handler.accept(message);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable error) {
            handlerErrors = handlerErrors + 1;
            bus.countHandlerError();
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
