package io.quorum.engine.agent;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs one agent's work one piece at a time, in arrival order: messages from the bus, market
 * signals, analysis. It is a serial queue over threads it shares with every other runner (the
 * desk's {@link io.quorum.engine.bus.WorkerPool}), so an agent costs no thread of its own, and
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
    /** Held while a turn runs, so that {@link #close} can wait for the work in progress. */
    private final ReentrantLock turnInProgress = new ReentrantLock();
    private final Runnable turn = this::drain;
    private volatile boolean closed;

    public AgentRunner(Agent agent, Executor workers, BiConsumer<Agent, Throwable> onFailure) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    public Agent agent() { return agent; }

    /** Queues work for the agent; silently nothing once the runner is closed, since the session is over. */
    public void run(Consumer<Agent> piece) {
        if (closed) return;
        work.add(piece);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) queueTurn();
    }

    /**
     * Drops the work not yet started and waits (a few seconds at most) for the piece in progress;
     * from inside the agent's own work it does not wait for itself. The runner then holds nothing.
     */
    @Override public void close() {
        closed = true;
        work.clear();
        try {
            if (turnInProgress.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) turnInProgress.unlock();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        work.clear();
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
        turnInProgress.lock();
        try {
            Consumer<Agent> piece;
            while (!closed && done < TURN && (piece = work.poll()) != null) {
                runOne(piece);
                done++;
            }
        } finally {
            turnInProgress.unlock();
        }
        if (closed) {
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
