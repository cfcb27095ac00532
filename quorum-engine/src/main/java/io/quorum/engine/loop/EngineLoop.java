package io.quorum.engine.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * The desk's single writer: one thread that owns sessions, risk state, orders and positions, and
 * takes everything that changes them from one inbound queue, in arrival order (the LMAX
 * single-consumer model). Feeds, the broker, agents, timers and HTTP threads only enqueue:
 * {@link #submit} for an event, {@link #call} for a command whose caller waits for the answer.
 *
 * <p>The queue is unbounded on purpose: a producer may enqueue while holding its own lock (a
 * market feed under its history lock, a broker under its book lock), so a full queue that blocked
 * it could never drain if the loop then waited on that same lock. Its depth is a gauge instead.
 *
 * <p>Enqueueing is one lock-free append; the producer wakes the loop thread only when it is
 * parked. Having drained the queue, the loop spins for {@link #SPIN_BEFORE_PARK} before it parks
 * (the spin-then-park idle strategy of the Disruptor and Agrona), so that a feed delivering a
 * burst of ticks hands each one over without a system call to wake the loop for it.
 *
 * <p>An event that throws is counted and reported, and the loop goes on with the next one
 * (Agrona's duty cycle does the same): one bad event never stops the desk.
 */
public final class EngineLoop implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough to catch the next message of a burst, short enough to cost little CPU when the market is quiet. */
    static final Duration SPIN_BEFORE_PARK = Duration.ofNanos(20_000);

    private final MpscUnboundedAtomicArrayQueue<Runnable> inbound = new MpscUnboundedAtomicArrayQueue<>(CHUNK);
    /** Events per chunk of the queue's linked arrays: a burst fills one before it needs the next. */
    private static final int CHUNK = 1_024;
    /** Set by the loop thread just before it parks: a producer then unparks it. */
    private volatile boolean parked;
    private final Thread thread;
    private final Consumer<Throwable> onFailure;
    private final LongAdder handled = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean running = true;
    private volatile Runnable afterBatch = () -> { };

    /** Starts the loop's thread, named {@code name}; {@code onFailure} hears of every event that threw. */
    public EngineLoop(String name, Consumer<Throwable> onFailure) {
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        thread.start();
    }

    /**
     * Runs {@code task} on the loop thread each time the queue has been drained: the place to
     * publish what a batch of events changed once, rather than once per event.
     */
    public void afterEachBatch(Runnable task) { afterBatch = Objects.requireNonNull(task, "task"); }

    /** Queues an event for the loop thread; returns at once. Events queued after close are dropped. */
    public void submit(Runnable event) {
        Objects.requireNonNull(event, "event");
        if (running) enqueue(event);
    }

    private void enqueue(Runnable event) {
        inbound.add(event);
        if (parked) LockSupport.unpark(thread);
    }

    /**
     * Runs {@code command} on the loop thread and returns its result to the caller, who waits. On
     * the loop thread itself it runs at once, since waiting for the queue there would wait forever.
     */
    public <T> T call(Supplier<T> command) {
        if (isLoopThread()) return command.get();
        CompletableFuture<T> answer = ask(command);
        try {
            return answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the engine loop did not answer within " + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine loop", e);
        }
    }

    /** {@link #call} for a command without a result. */
    public void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    /** Queues {@code command}; the future completes with its result, or its exception, once the loop has run it. */
    public <T> CompletableFuture<T> ask(Supplier<T> command) {
        Objects.requireNonNull(command, "command");
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (!running) {
            answer.completeExceptionally(new IllegalStateException("the engine loop is closed"));
            return answer;
        }
        enqueue(() -> {
            try {
                answer.complete(command.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /**
     * Waits until the loop has nothing left to do: every event queued before the call, and every
     * event those events queued in turn, has been handled. For tests and orderly shutdowns.
     */
    public void awaitIdle() {
        if (isLoopThread()) throw new IllegalStateException("awaitIdle on the engine loop would wait for itself");
        while (running) {
            boolean idle = call(inbound::isEmpty);
            if (idle) return;
        }
    }

    public boolean isLoopThread() { return Thread.currentThread() == thread; }

    /** Fails fast when engine state is touched from any thread but the loop's. */
    public void requireLoopThread() {
        if (!isLoopThread()) {
            throw new IllegalStateException("engine state may only change on the engine loop, not on " + Thread.currentThread().getName());
        }
    }

    /** Events waiting in the queue now; counts them one by one, so for gauges, not for the hot path. */
    public int depth() { return inbound.size(); }

    /** Events handled since the start. */
    public long handled() { return handled.sum(); }

    /** Events that threw since the start. */
    public long failures() { return failures.sum(); }

    private void run() {
        while (running) {
            Runnable event = inbound.poll();
            if (event == null) {
                idle();
                continue;
            }
            handle(event);
            while (running && (event = inbound.poll()) != null) handle(event);
            if (running) handle(afterBatch);
        }
    }

    /** Spins a little for the next event, then parks until a producer unparks it (or close interrupts it). */
    private void idle() {
        long idleSince = System.nanoTime();
        while (inbound.isEmpty() && System.nanoTime() - idleSince < SPIN_BEFORE_PARK.toNanos()) Thread.onSpinWait();
        if (!inbound.isEmpty()) return;
        parked = true;
        // Checked again after announcing the park: a producer that enqueued before seeing the flag is caught here.
        if (inbound.isEmpty() && running) LockSupport.park(this);
        parked = false;
        // close() interrupts to wake the loop, and it stops on running alone; a flag left set by an event would make every park return at once.
        Thread.interrupted();
    }

    private void handle(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException | Error e) {
            failures.increment();
            try {
                onFailure.accept(e);
            } catch (RuntimeException ignored) {
                // The failure report itself failed: the count above still tells of it.
            }
        }
        handled.increment();
    }

    /** Handles what is already queued, then stops the thread. */
    @Override public void close() {
        if (!running) return;
        if (!isLoopThread()) {
            try {
                ask(() -> null).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException ignored) {
                // Closing regardless: what was queued is dropped with the desk.
            }
        }
        running = false;
        thread.interrupt();
        if (!isLoopThread()) {
            try {
                thread.join(CALL_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inbound.clear();
    }
}
