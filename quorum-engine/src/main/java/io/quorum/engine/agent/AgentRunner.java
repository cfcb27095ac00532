package io.quorum.engine.agent;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs one agent's work one piece at a time, in arrival order: messages from the bus, market
 * signals, analysis. It is a serial queue over threads it shares with every other runner (the
 * desk's worker pool), so an agent costs no thread of its own, and
 * the agent's private state still has one writer at a time. A failure inside the agent is
 * reported, and the runner keeps going.
 *
 * <p>One turn on the pool runs at most {@value #TURN} pieces of work, then gives the thread back,
 * so that a busy agent does not keep the others waiting. An agent that waits on something slow (a
 * model) holds a pool thread while it waits; it should rather answer later, from
 * {@link Agent#deliberate}.
 */
public final class AgentRunner implements AutoCloseable {
    static final int TURN = 16;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Agent agent;
    private final Executor workers;
    private final BiConsumer<Agent, Throwable> onFailure;
    private final Queue<Consumer<Agent>> work = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The thread running a turn now, so that {@link #close} knows when it is called from the agent's own work. */
    private volatile Thread turnThread;
    private final Runnable turn = this::drain;
    /** No new work is taken. */
    private volatile boolean closed;
    /** The work still queued is dropped: set once {@link #close} has waited long enough. */
    private volatile boolean discarded;

    public AgentRunner(Agent agent, Executor workers, BiConsumer<Agent, Throwable> onFailure) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    public Agent agent() { return agent; }

    /** Queues work for the agent; silently nothing once the runner is closed, since the session is over. */
    public void run(Consumer<Agent> piece) {
        if (!closed) queue(piece);
    }

    /**
     * Takes no more work, lets the work already queued finish (waiting a few seconds at most, and
     * not at all when called from the agent's own work), then drops whatever is left. The runner
     * holds nothing after.
     */
    @Override public void close() {
        if (closed) return;
        closed = true;
        if (turnThread != Thread.currentThread()) {
            CountDownLatch finished = new CountDownLatch(1);
            queue(agent -> finished.countDown());
            try {
                finished.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        discarded = true;
        work.clear();
    }

    private void queue(Consumer<Agent> piece) {
        work.add(piece);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) queueTurn();
    }

    private void queueTurn() {
        try {
            workers.execute(turn);
        } catch (RejectedExecutionException closing) {
            // The desk is closing: there is no one left to do the work.
            work.clear();
        }
    }

    private void drain() {
        int done = 0;
        turnThread = Thread.currentThread();
        try {
            Consumer<Agent> piece;
            while (!discarded && done < TURN && (piece = work.poll()) != null) {
                runOne(piece);
                done++;
            }
        } finally {
            turnThread = null;
        }
        if (discarded) {
            work.clear();
            return;
        }
        if (done == TURN && !work.isEmpty()) {
            queueTurn();
            return;
        }
        scheduled.set(false);
        if (!work.isEmpty() && scheduled.compareAndSet(false, true)) queueTurn();
    }

    private void runOne(Consumer<Agent> piece) {
        try {
            piece.accept(agent);
        } catch (RuntimeException | Error e) {
            onFailure.accept(agent, e);
        }
    }
}
