package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.bus.WorkerPool;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A runner is a queue over shared threads: one piece of work at a time, in order, and nothing left once closed. */
class AgentRunnerTest {
    private final WorkerPool workers = WorkerPool.ofDaemons("runner-test", 4);
    private final AgentContext context = new AgentContext(SessionId.of("runner"), Ticker.of("AAPL"), new RecordingBus(),
            new ManualClock(Instant.EPOCH), new FakeDeskView());
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTheWorkers() { workers.close(); }

    @Test
    void work_runs_one_piece_at_a_time_in_the_order_it_came_though_the_threads_are_shared() {
        AgentRunner runner = runner();
        List<Integer> done = new CopyOnWriteArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();

        for (int i = 0; i < 1_000; i++) {
            int piece = i;
            runner.run(agent -> {
                if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
                done.add(piece);
                inside.decrementAndGet();
            });
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> done.size() == 1_000);
        assertThat(done).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void a_failure_is_reported_and_the_next_piece_still_runs() {
        AgentRunner runner = runner();
        CountDownLatch next = new CountDownLatch(1);

        runner.run(agent -> { throw new IllegalStateException("no quote"); });
        runner.run(agent -> next.countDown());

        await().atMost(10, TimeUnit.SECONDS).until(() -> next.getCount() == 0);
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("no quote"));
    }

    @Test
    void close_lets_the_work_already_queued_finish_then_takes_no_more() throws Exception {
        AgentRunner runner = runner();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        runner.run(agent -> {
            started.countDown();
            awaitQuietly(release);
            finished.incrementAndGet();
        });
        for (int i = 0; i < 10; i++) runner.run(agent -> finished.incrementAndGet());
        started.await(10, TimeUnit.SECONDS);

        Thread closing = Thread.ofVirtual().start(runner::close);
        await().atMost(10, TimeUnit.SECONDS).until(() -> closing.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closing.join(Duration.ofSeconds(10));
        runner.run(agent -> finished.incrementAndGet());

        assertThat(closing.isAlive()).isFalse();
        assertThat(finished).hasValue(11);
    }

    @Test
    void an_agent_may_close_its_own_runner_without_waiting_for_itself() {
        AgentRunner runner = runner();
        CountDownLatch closed = new CountDownLatch(1);

        runner.run(agent -> {
            runner.close();
            closed.countDown();
        });

        await().atMost(2, TimeUnit.SECONDS).until(() -> closed.getCount() == 0);
    }

    private AgentRunner runner() {
        return new AgentRunner(new IdleAgent(context), workers, (agent, error) -> failures.add(error));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class IdleAgent extends Agent {
        IdleAgent(AgentContext context) { super(AgentRole.SENTIMENT, context); }

        @Override public List<String> analyze() { return List.of(); }

        @Override public Judgement judge(Proposal proposal) { return Judgement.abstain("idle"); }
    }
}
