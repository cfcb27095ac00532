package io.quorum.engine.bus;

import static io.quorum.engine.bus.SampleMessages.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every mailbox of the bus shares its few threads, and none of them can keep the others waiting. */
class SharedWorkersTest {
    private static final SessionId STUCK = SessionId.of("stuck");

    @Test
    void a_handler_that_never_returns_holds_one_worker_and_every_other_mailbox_still_gets_its_messages() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        try (InMemoryMessageBus bus = new InMemoryMessageBus(BusSettings.defaults().withMailboxWorkers(2))) {
            bus.subscribe(STUCK, AgentRole.RISK, message -> awaitQuietly(never));
            bus.publish(alert(STUCK, "the risk model hangs"));
            for (int i = 0; i < 100; i++) {
                SessionId session = SessionId.of("session-" + i);
                bus.subscribe(session, AgentRole.RISK, message -> delivered.incrementAndGet());
                bus.publish(alert(session, "market opens"));
            }

            await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.get() == 100);
            never.countDown();
        }
    }

    @Test
    void a_busy_mailbox_gives_its_worker_back_after_one_turn() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger busyHandled = new AtomicInteger();
        AtomicInteger busyHandledWhenOtherServed = new AtomicInteger(-1);
        try (InMemoryMessageBus bus = new InMemoryMessageBus(BusSettings.defaults().withMailboxWorkers(1))) {
            SessionId busy = SessionId.of("busy");
            SessionId quiet = SessionId.of("quiet");
            bus.subscribe(busy, AgentRole.TECHNICAL, message -> {
                if (busyHandled.incrementAndGet() == 1) {
                    firstTaken.countDown();
                    awaitQuietly(gate);
                }
            });
            bus.subscribe(quiet, AgentRole.TECHNICAL, message -> busyHandledWhenOtherServed.set(busyHandled.get()));

            for (int i = 0; i < 1_000; i++) bus.publish(alert(busy, "tick " + i));
            firstTaken.await(10, TimeUnit.SECONDS);
            bus.publish(alert(quiet, "one message"));
            gate.countDown();

            await().atMost(10, TimeUnit.SECONDS).until(() -> busyHandled.get() == 1_000 && busyHandledWhenOtherServed.get() >= 0);
            assertThat(busyHandledWhenOtherServed).hasValue(Mailbox.TURN);
        }
    }

    @Test
    void the_bus_has_the_threads_it_was_given_whatever_the_number_of_subscribers() {
        try (InMemoryMessageBus bus = new InMemoryMessageBus(BusSettings.defaults().withMailboxWorkers(3)
                .withMailboxThreads(Thread.ofPlatform().daemon().name("counted-bus-worker-", 1).factory()))) {
            AtomicInteger delivered = new AtomicInteger();
            for (int i = 0; i < 200; i++) {
                SessionId session = SessionId.of("many-" + i);
                for (AgentRole role : AgentRole.VOTERS) bus.subscribe(session, role, message -> delivered.incrementAndGet());
                bus.publish(alert(session, "hello"));
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> delivered.get() == 1_000);

            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("counted-bus-worker-")).hasSize(3);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
