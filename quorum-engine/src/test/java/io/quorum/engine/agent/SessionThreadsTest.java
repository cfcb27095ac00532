package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.bus.WorkerPool;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A session costs no thread: its mailboxes and agent runners are queues over the bus's and the
 * desk's worker pools. Wired here as a desk session wires them: five agents, each subscribed by
 * role and handing its messages to its runner, the orchestrator's subscription and an observer.
 */
class SessionThreadsTest {
    private static final int SESSIONS = 500;
    private static final Instant NOW = Instant.parse("2025-03-03T14:30:00Z");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicInteger agentMessages = new AtomicInteger();
    private final AtomicInteger otherMessages = new AtomicInteger();

    @Test
    void five_hundred_sessions_running_then_closed_leave_the_platform_thread_count_where_it_was() {
        try (InMemoryMessageBus bus = new InMemoryMessageBus(); WorkerPool agentWorkers = WorkerPool.ofDaemons("agent", WorkerPool.DEFAULT_SIZE)) {
            int before = THREADS.getThreadCount();

            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) sessions.add(new Session(SessionId.of("threads-" + i), bus, agentWorkers));
            for (Session session : sessions) bus.publish(AgentMessage.draft(session.id, AgentRole.ORCHESTRATOR, Recipients.all(),
                    new Alert(Alert.AlertKind.SYSTEM, Alert.Severity.INFO, null, "market opens"), NOW));
            await().pollInSameThread().atMost(30, TimeUnit.SECONDS)
                    .until(() -> agentMessages.get() == SESSIONS * AgentRole.VOTERS.size() && otherMessages.get() == SESSIONS * 2);
            int running = THREADS.getThreadCount();

            sessions.forEach(Session::close);
            int closed = THREADS.getThreadCount();

            // At most: a thread left by an earlier test in this JVM (an idle carrier of virtual threads) may end meanwhile.
            assertThat(running).as("platform threads with %d sessions running", SESSIONS).isLessThanOrEqualTo(before);
            assertThat(closed).as("platform threads once they are closed").isLessThanOrEqualTo(before);
            assertThat(bus.stats().subscribers()).isEmpty();
        }
    }

    /** What a desk session opens on the bus and the worker pool, and closes when it ends. */
    private final class Session implements AutoCloseable {
        final SessionId id;
        final List<MessageBus.Subscription> subscriptions = new ArrayList<>();
        final List<AgentRunner> runners = new ArrayList<>();

        Session(SessionId id, MessageBus bus, WorkerPool agentWorkers) {
            this.id = id;
            AgentContext context = new AgentContext(id, Ticker.of("AAPL"), bus, new ManualClock(NOW), new FakeDeskView());
            for (AgentRole role : AgentRole.VOTERS) {
                AgentRunner runner = new AgentRunner(new ListeningAgent(role, context), agentWorkers, (agent, error) -> { });
                runners.add(runner);
                subscriptions.add(bus.subscribe(id, role, message -> runner.run(agent -> agent.onMessage(message))));
            }
            subscriptions.add(bus.subscribe(id, AgentRole.ORCHESTRATOR, message -> otherMessages.incrementAndGet()));
            subscriptions.add(bus.observe(id, message -> otherMessages.incrementAndGet()));
        }

        @Override public void close() {
            subscriptions.forEach(MessageBus.Subscription::close);
            runners.forEach(AgentRunner::close);
        }
    }

    private final class ListeningAgent extends Agent {
        ListeningAgent(AgentRole role, AgentContext context) { super(role, context); }

        @Override public List<String> analyze() { return List.of(); }

        @Override public Judgement judge(Proposal proposal) { return Judgement.abstain("listening only"); }

        @Override protected void onAlert(AgentMessage message, Alert alert) { agentMessages.incrementAndGet(); }
    }
}
