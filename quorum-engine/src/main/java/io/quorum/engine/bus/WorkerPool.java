package io.quorum.engine.bus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of threads shared by many serial queues: the bus's mailboxes, the desk's agent
 * runners. Each queue hands the pool one task at a time (its next turn), so the queue keeps its
 * order and runs one thing at a time, while the number of threads is set here, once, and never
 * grows with the number of sessions, subscribers or agents.
 *
 * <p>All the threads are started with the pool and live until {@link #close}. The pool's queue
 * needs no bound of its own: a serial queue has at most one turn queued at a time. A task that blocks
 * holds its thread and no other: the other {@code size - 1} threads go on serving every other
 * queue. Only {@code size} tasks blocked at the same time would stall the rest, until one returns;
 * so the default {@link #DEFAULT_SIZE} leaves room for several slow handlers on a small machine,
 * and a queue gives its thread back after a bounded turn (see {@link Mailbox}), so a busy queue
 * cannot keep the others waiting either.
 */
public final class WorkerPool implements Executor, AutoCloseable {
    /** Twice the processors, and at least four: enough to keep every core busy with a few handlers blocked. */
    public static final int DEFAULT_SIZE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final String name;
    private final ThreadPoolExecutor executor;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /**
     * Starts {@code size} threads made by {@code factory}.
     *
     * @param name for error messages and {@link #toString}
     */
    public WorkerPool(String name, int size, ThreadFactory factory) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 1) throw new IllegalArgumentException("size: must be positive, was " + size);
        Objects.requireNonNull(factory, "factory");
        ThreadFactory recorded = task -> {
            Thread thread = factory.newThread(task);
            threads.add(thread);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), recorded);
        executor.prestartAllCoreThreads();
    }

    /** {@code size} platform daemon threads named {@code name-worker-1, 2, ...}. */
    public static WorkerPool ofDaemons(String name, int size) {
        return new WorkerPool(name, size, Thread.ofPlatform().daemon().name(name + "-worker-", 1).factory());
    }

    /**
     * Queues {@code task} for the next free thread.
     *
     * @throws RejectedExecutionException once the pool is closed
     */
    @Override public void execute(Runnable task) { executor.execute(task); }

    public int size() { return executor.getCorePoolSize(); }

    /**
     * Lets the tasks already queued run (queues that are closed skip their turn at once), then stops
     * the threads, waiting a little for tasks in progress; from one of the pool's own threads, it
     * does not wait for itself.
     */
    @Override public void close() {
        executor.shutdown();
        if (threads.contains(Thread.currentThread())) return;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) return;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public String toString() { return name + " pool of " + size(); }
}
