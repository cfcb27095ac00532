package io.quorum.engine.desk;

import io.quorum.engine.loop.EngineLoop;
import io.quorum.engine.port.Broker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the desk asks its broker things: an order, the account, the positions. A broker that
 * answers in-process (the paper broker) is asked on the engine loop, as a method call. Any other
 * is asked on a thread of its own, one call after another in the order they were made, and its
 * answer comes back to the loop as an event: a venue that takes seconds to answer (a timeout, a
 * retry after a 429) never holds up the ticks, the stops or the other sessions.
 */
final class BrokerCalls implements AutoCloseable {
    private final EngineLoop loop;
    private final ExecutorService calls;
    private final Consumer<String> onFailure;

    BrokerCalls(Broker broker, EngineLoop loop, Consumer<String> onFailure) {
        this.loop = loop;
        this.onFailure = onFailure;
        this.calls = broker.answersInProcess() ? null : Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("broker-calls").factory());
    }

    /** True when the broker's answers are at hand on the loop at once. */
    boolean inProcess() { return calls == null; }

    /**
     * Asks {@code call} of the broker and hands its answer to {@code onLoop} on the engine loop. From
     * the loop, with a broker that answers in-process, both run at once.
     */
    <T> void ask(String what, Supplier<T> call, Consumer<T> onLoop) {
        if (calls == null) {
            onLoop.accept(call.get());
            return;
        }
        try {
            calls.execute(() -> {
                T answer;
                try {
                    answer = call.get();
                } catch (RuntimeException failure) {
                    loop.submit(() -> onFailure.accept(what + " failed at the broker: " + failure));
                    return;
                }
                loop.submit(() -> onLoop.accept(answer));
            });
        } catch (RejectedExecutionException closed) {
            onFailure.accept(what + " was not asked: the desk is closing");
        }
    }

    @Override public void close() {
        if (calls == null) return;
        calls.shutdown();
        try {
            calls.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        calls.shutdownNow();
    }
}
