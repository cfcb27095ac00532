package io.quorum.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineLoopTest {
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final EngineLoop loop = new EngineLoop("engine-loop-test", failures::add);

    @AfterEach
    void close() { loop.close(); }

    @Test
    void events_from_many_threads_run_one_at_a_time_on_the_loop_thread_in_the_order_each_thread_sent_them() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (ExecutorService producers = Executors.newFixedThreadPool(4)) {
            for (int p = 0; p < 4; p++) {
                int producer = p;
                producers.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        int n = i;
                        loop.submit(() -> {
                            handled.add(producer + ":" + n);
                            threads.add(Thread.currentThread().getName());
                        });
                    }
                });
            }
        }
        loop.awaitIdle();

        assertThat(handled).hasSize(4_000);
        assertThat(threads).containsOnly("engine-loop-test");
        for (int p = 0; p < 4; p++) {
            String prefix = p + ":";
            assertThat(handled.stream().filter(e -> e.startsWith(prefix)).map(e -> Integer.parseInt(e.substring(prefix.length()))).toList()).isSorted();
        }
    }

    @Test
    void a_command_answers_its_caller_and_a_command_from_the_loop_itself_runs_at_once() {
        assertThat(loop.call(() -> 6 * 7)).isEqualTo(42);
        assertThat(loop.call(() -> loop.call(() -> "nested"))).isEqualTo("nested");
    }

    @Test
    void a_command_that_throws_throws_to_its_caller_and_the_loop_goes_on() {
        assertThatThrownBy(() -> loop.call(() -> { throw new IllegalArgumentException("bad command"); })).hasMessage("bad command");
        assertThat(loop.call(() -> "still running")).isEqualTo("still running");
    }

    @Test
    void an_event_that_throws_is_counted_and_reported_and_the_next_one_runs() {
        loop.submit(() -> { throw new IllegalStateException("broken event"); });
        loop.awaitIdle();

        assertThat(loop.failures()).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("broken event"));
        assertThat(loop.call(() -> true)).isTrue();
    }

    @Test
    void waiting_for_idle_waits_for_the_events_that_events_queue() {
        List<Integer> handled = new CopyOnWriteArrayList<>();
        loop.submit(() -> loop.submit(() -> loop.submit(() -> handled.add(3))));

        loop.awaitIdle();

        assertThat(handled).containsExactly(3);
    }

    @Test
    void engine_state_touched_off_the_loop_thread_fails_fast() {
        assertThatThrownBy(loop::requireLoopThread).isInstanceOf(IllegalStateException.class).hasMessageContaining("only change on the engine loop");
        loop.run(loop::requireLoopThread);
    }

    @Test
    void the_batch_task_runs_once_the_queue_is_drained() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        loop.afterEachBatch(() -> order.add("batch"));
        loop.submit(() -> {
            try {
                blocked.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loop.submit(() -> order.add("a"));
        loop.submit(() -> order.add("b"));
        blocked.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() >= 3);
        assertThat(order.subList(0, 3)).as("once, after the events queued together").containsExactly("a", "b", "batch");
    }

    @Test
    void an_event_sent_while_the_loop_is_parked_or_about_to_park_wakes_it() throws Exception {
        Thread.sleep(50);   // far longer than the spin: the loop has parked
        CountDownLatch ran = new CountDownLatch(1);
        loop.submit(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the event woke the parked loop").isTrue();

        // Pauses around the spin's length land submissions on every phase of going idle; a lost wake-up would hang one of them.
        for (int i = 0; i < 300; i++) {
            CountDownLatch next = new CountDownLatch(1);
            loop.submit(next::countDown);
            assertThat(next.await(5, TimeUnit.SECONDS)).as("event %d ran", i).isTrue();
            TimeUnit.MICROSECONDS.sleep(i % 40);
        }
    }

    @Test
    void an_event_that_leaves_its_thread_interrupted_does_not_stop_the_loop() throws Exception {
        loop.submit(() -> Thread.currentThread().interrupt());
        Thread.sleep(20);
        CountDownLatch ran = new CountDownLatch(1);
        loop.submit(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.call(() -> Thread.currentThread().isInterrupted())).as("the flag was cleared when the loop went idle").isFalse();
    }
}
