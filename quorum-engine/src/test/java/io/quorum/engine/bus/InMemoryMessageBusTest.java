package io.quorum.engine.bus;

import static io.quorum.engine.bus.SampleMessages.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryMessageBusTest extends MessageBusContract {
    private static final SessionId SESSION = SessionId.of("in-memory");

    @Override protected MessageBus newBus(BusSettings settings) { return new InMemoryMessageBus(settings); }

    @Override protected BusStats statsOf(MessageBus bus) { return ((InMemoryMessageBus) bus).stats(); }

    @Test
    void close_stops_every_mailbox_thread() {
        InMemoryMessageBus bus = new InMemoryMessageBus();
        List<Thread> mailboxThreads = new CopyOnWriteArrayList<>();
        for (AgentRole role : AgentRole.VOTERS) bus.subscribe(SESSION, role, message -> mailboxThreads.add(Thread.currentThread()));
        bus.observe(SESSION, message -> mailboxThreads.add(Thread.currentThread()));
        bus.publish(alert(SESSION, "everyone hears this"));
        await().until(() -> mailboxThreads.size() == 6);

        bus.close();

        assertThat(mailboxThreads).noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> bus.publish(alert(SESSION, "after hours"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_journal_failure_leaves_no_gap_in_the_sequence() {
        List<Long> journaled = new CopyOnWriteArrayList<>();
        try (InMemoryMessageBus bus = new InMemoryMessageBus(BusSettings.defaults().withJournal(message -> {
            if (message.content().text().equals("disk full")) throw new IllegalStateException("journal unavailable");
            journaled.add(message.seq());
        }))) {
            bus.publish(alert(SESSION, "one"));
            assertThatThrownBy(() -> bus.publish(alert(SESSION, "disk full"))).isInstanceOf(IllegalStateException.class);
            bus.publish(alert(SESSION, "two"));

            assertThat(journaled).containsExactly(1L, 2L);
        }
    }

    @Test
    void a_session_restarted_from_its_journal_goes_on_numbering_after_its_last_seq() {
        try (InMemoryMessageBus bus = new InMemoryMessageBus(BusSettings.defaults().withLastSeqOf(session -> session.equals(SESSION) ? 41 : 0))) {
            assertThat(bus.publish(alert(SESSION, "after the restart")).seq()).isEqualTo(42);
            assertThat(bus.publish(alert(SessionId.of("fresh"), "brand new")).seq()).isEqualTo(1);
        }
    }

    @Test
    void stats_show_each_mailbox_depth_and_deliveries() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        try (InMemoryMessageBus bus = new InMemoryMessageBus()) {
            Mailbox risk = bus.subscribe(SESSION, AgentRole.RISK, message -> {
                firstTaken.countDown();
                awaitGate(gate);
            });
            Mailbox observer = bus.observe(SESSION, message -> { });
            for (int i = 0; i < 4; i++) bus.publish(alert(SESSION, "tick " + i));
            firstTaken.await(10, TimeUnit.SECONDS);
            await().until(() -> bus.stats().of(observer.subscriber()).orElseThrow().delivered() == 4);

            BusStats stats = bus.stats();
            assertThat(stats.published()).isEqualTo(4);
            assertThat(stats.of(risk.subscriber()).orElseThrow().depth()).isEqualTo(3);
            assertThat(stats.of(observer.subscriber()).orElseThrow().depth()).isZero();
            assertThat(risk.subscriber().isObserver()).isFalse();
            assertThat(observer.subscriber().isObserver()).isTrue();
            gate.countDown();
        }
    }

    @Test
    void a_sequenced_message_cannot_be_published_again() {
        try (InMemoryMessageBus bus = new InMemoryMessageBus()) {
            AgentMessage once = bus.publish(alert(SESSION, "once"));
            assertThatThrownBy(() -> bus.publish(once)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void awaitGate(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
