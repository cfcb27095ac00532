package io.quorum.engine.agent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Gives one agent its own thread: everything the agent does (messages from the bus, market
 * signals, analysis) is queued here and run one at a time, in arrival order. A failure inside
 * the agent is reported, and the runner keeps going.
 */
public final class AgentRunner implements AutoCloseable {
    private final Agent agent;
    private final ExecutorService thread;
    private final BiConsumer<Agent, Throwable> onFailure;

    public AgentRunner(Agent agent, BiConsumer<Agent, Throwable> onFailure) {
        this.agent = agent;
        this.onFailure = onFailure;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("agent-" + agent.role().name().toLowerCase()).factory());
    }

    public Agent agent() { return agent; }

    /** Queues work for the agent; silently nothing once the runner is closed, since the session is over. */
    public void run(java.util.function.Consumer<Agent> work) {
        try {
            thread.execute(() -> {
                try {
                    work.accept(agent);
                } catch (RuntimeException | Error e) {
                    onFailure.accept(agent, e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // The session stopped while work was still arriving: there is no one left to do it.
        }
    }

    @Override public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
