package io.quorum.engine.bus;

import static io.quorum.engine.bus.SampleMessages.alert;
import static io.quorum.engine.bus.SampleMessages.alertTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.MessageBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageBus} promises, whatever carries the messages. An implementation's test
 * extends this class and says how to build its bus from {@link BusSettings} and read its counters.
 */
public abstract class MessageBusContract {
    private static final SessionId SESSION = SessionId.of("contract-session");

    private final List<MessageBus> buses = new ArrayList<>();
    private final List<CountDownLatch> gates = new ArrayList<>();

    /** A new bus honouring every one of {@code settings}. */
    protected abstract MessageBus newBus(BusSettings settings);

    /** The bus's counters now. */
    protected abstract BusStats statsOf(MessageBus bus);

    @AfterEach
    void closeBuses() {
        gates.forEach(CountDownLatch::countDown);
        buses.forEach(MessageBus::close);
    }

    @Test
    void per_session_total_order_is_given_by_seq() throws Exception {
        Journal journal = new Journal();
        MessageBus bus = bus(BusSettings.defaults().withJournal(journal));
        Inbox observer = new Inbox();
        bus.observe(SESSION, observer);
        int publishers = 4;
        int perPublisher = 250;
        Set<Long> returnedSeqs = ConcurrentHashMap.newKeySet();

        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perPublisher; i++) returnedSeqs.add(bus.publish(alert(SESSION, "tick " + i)).seq());
                }));
            }
            for (Future<?> publisher : done) publisher.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        int total = publishers * perPublisher;
        List<Long> oneToTotal = seqsUpTo(total);
        assertThat(returnedSeqs).containsExactlyInAnyOrderElementsOf(oneToTotal);
        assertThat(journal.seqs()).containsExactlyElementsOf(oneToTotal);
        await().until(() -> observer.size() == total);
        assertThat(observer.seqs()).containsExactlyElementsOf(oneToTotal);
    }

    @Test
    void each_subscriber_gets_every_message_addressed_to_it_exactly_once_and_in_order() {
        MessageBus bus = bus(BusSettings.defaults());
        List<Inbox> voters = new ArrayList<>();
        for (AgentRole role : AgentRole.VOTERS) {
            Inbox inbox = new Inbox();
            bus.subscribe(SESSION, role, inbox);
            voters.add(inbox);
        }

        List<AgentMessage> published = new ArrayList<>();
        for (int i = 0; i < 500; i++) published.add(bus.publish(alert(SESSION, "broadcast " + i)));

        for (Inbox inbox : voters) {
            await().until(() -> inbox.size() >= published.size());
            assertThat(inbox.messages()).containsExactlyElementsOf(published);
        }
    }

    @Test
    void recipients_filter_who_receives_a_message() {
        MessageBus bus = bus(BusSettings.defaults());
        Inbox risk = subscribed(bus, AgentRole.RISK);
        Inbox technical = subscribed(bus, AgentRole.TECHNICAL);
        Inbox sentiment = subscribed(bus, AgentRole.SENTIMENT);
        Inbox observer = new Inbox();
        bus.observe(SESSION, observer);

        AgentMessage toRisk = bus.publish(alertTo(SESSION, Recipients.of(AgentRole.RISK), "exposure check"));
        AgentMessage toTwo = bus.publish(alertTo(SESSION, Recipients.of(AgentRole.TECHNICAL, AgentRole.RISK), "breakout on volume"));
        AgentMessage toAll = bus.publish(alert(SESSION, "market opens"));

        await().until(() -> observer.size() == 3 && risk.size() == 3 && technical.size() == 2 && sentiment.size() == 1);
        assertThat(risk.messages()).containsExactly(toRisk, toTwo, toAll);
        assertThat(technical.messages()).containsExactly(toTwo, toAll);
        assertThat(sentiment.messages()).containsExactly(toAll);
        assertThat(observer.messages()).containsExactly(toRisk, toTwo, toAll);
    }

    @Test
    void publish_never_blocks_on_a_slow_subscriber() {
        MessageBus bus = bus(BusSettings.defaults().withMailboxCapacity(8).withOverflowListener((s, m, p) -> { }));
        CountDownLatch gate = gate();
        bus.subscribe(SESSION, AgentRole.RISK, message -> awaitQuietly(gate));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 1_000; i++) bus.publish(alert(SESSION, "while Risk is stuck " + i));
        });
        assertThat(statsOf(bus).published()).isEqualTo(1_000);
    }

    @Test
    void a_slow_subscriber_never_delays_the_others() {
        MessageBus bus = bus(BusSettings.defaults());
        CountDownLatch gate = gate();
        Inbox slow = new Inbox(message -> awaitQuietly(gate));
        bus.subscribe(SESSION, AgentRole.RISK, slow);
        Inbox fast = subscribed(bus, AgentRole.TECHNICAL);

        for (int i = 0; i < 200; i++) bus.publish(alert(SESSION, "tick " + i));

        await().until(() -> fast.size() == 200);
        assertThat(slow.size()).isLessThanOrEqualTo(1);
        gate.countDown();
        await().until(() -> slow.size() == 200);
        assertThat(slow.seqs()).containsExactlyElementsOf(seqsUpTo(200));
    }

    @Test
    void bounded_mailbox_overflow_is_counted_and_reported_never_silent() {
        List<Long> reportedSeqs = new CopyOnWriteArrayList<>();
        List<Subscriber> reportedSubscribers = new CopyOnWriteArrayList<>();
        MessageBus bus = bus(BusSettings.defaults().withMailboxCapacity(4).withOverflowPolicy(OverflowPolicy.DROP_NEWEST)
                .withOverflowListener((subscriber, dropped, policy) -> {
                    reportedSubscribers.add(subscriber);
                    reportedSeqs.add(dropped.seq());
                }));
        CountDownLatch gate = gate();
        CountDownLatch firstTaken = new CountDownLatch(1);
        Inbox slow = new Inbox(message -> {
            firstTaken.countDown();
            awaitQuietly(gate);
        });
        bus.subscribe(SESSION, AgentRole.RISK, slow);

        bus.publish(alert(SESSION, "first"));
        awaitQuietly(firstTaken);
        for (int i = 2; i <= 10; i++) bus.publish(alert(SESSION, "message " + i));

        // One message in the handler, four queued, five that did not fit. A bus that delivers from
        // another process queues them a little after publish returns, so the report may come later.
        await().untilAsserted(() -> assertThat(reportedSeqs).containsExactly(6L, 7L, 8L, 9L, 10L));
        assertThat(reportedSubscribers).allSatisfy(subscriber -> assertThat(subscriber.role()).isEqualTo(AgentRole.RISK));
        BusStats stats = statsOf(bus);
        assertThat(stats.overflowed()).isEqualTo(5);
        assertThat(roleStats(stats, AgentRole.RISK).overflowed()).isEqualTo(5);
        gate.countDown();
        await().until(() -> slow.size() == 5);
        assertThat(slow.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void a_laggard_is_disconnected_under_the_disconnect_policy() {
        List<OverflowPolicy> reportedPolicies = new CopyOnWriteArrayList<>();
        MessageBus bus = bus(BusSettings.defaults().withMailboxCapacity(4).withOverflowPolicy(OverflowPolicy.DISCONNECT)
                .withOverflowListener((subscriber, dropped, policy) -> reportedPolicies.add(policy)));
        CountDownLatch gate = gate();
        CountDownLatch firstTaken = new CountDownLatch(1);
        Inbox laggard = new Inbox(message -> {
            firstTaken.countDown();
            awaitQuietly(gate);
        });
        // The laggard is the only subscriber, so no other mailbox can overflow on a starved machine.
        bus.subscribe(SESSION, AgentRole.RISK, laggard);

        bus.publish(alert(SESSION, "first"));
        awaitQuietly(firstTaken);
        for (int i = 2; i <= 10; i++) bus.publish(alert(SESSION, "message " + i));

        await().untilAsserted(() -> assertThat(reportedPolicies).containsExactly(OverflowPolicy.DISCONNECT));
        gate.countDown();
        BusStats stats = statsOf(bus);
        assertThat(stats.overflowed()).isEqualTo(1);
        assertThat(stats.subscribers()).noneMatch(s -> s.subscriber().role() == AgentRole.RISK);
        // The laggard finishes its first message only after the gate opens, on its own thread.
        await().untilAsserted(() -> assertThat(laggard.seqs()).containsExactly(1L));
    }

    @Test
    void subscribing_and_unsubscribing_during_traffic_is_safe() throws Exception {
        MessageBus bus = bus(BusSettings.defaults());
        Inbox steady = new Inbox();
        bus.observe(SESSION, steady);
        int total = 3_000;
        AtomicBoolean publishing = new AtomicBoolean(true);
        List<Inbox> churned = new ArrayList<>();

        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try {
            Future<?> traffic = publisher.submit(() -> {
                for (int i = 0; i < total; i++) {
                    bus.publish(alert(SESSION, "tick " + i));
                    if (i % 50 == 0) Thread.yield();
                }
                publishing.set(false);
            });
            while (publishing.get()) {
                Inbox inbox = new Inbox();
                MessageBus.Subscription subscription = bus.subscribe(SESSION, AgentRole.EXECUTION, inbox);
                Thread.yield();
                subscription.close();
                subscription.close();
                churned.add(inbox);
            }
            traffic.get(10, TimeUnit.SECONDS);
        } finally {
            publisher.shutdownNow();
        }

        await().until(() -> steady.size() == total);
        assertThat(steady.seqs()).containsExactlyElementsOf(seqsUpTo(total));
        assertThat(churned).isNotEmpty().allSatisfy(inbox -> assertConsecutive(inbox.seqs()));
    }

    @Test
    void the_journal_hook_sees_every_message_before_it_is_delivered() {
        Journal journal = new Journal();
        MessageBus bus = bus(BusSettings.defaults().withJournal(journal));
        AtomicInteger deliveredBeforeJournaled = new AtomicInteger();
        Consumer<AgentMessage> checkJournaled = message -> {
            if (!journal.seqs().contains(message.seq())) deliveredBeforeJournaled.incrementAndGet();
        };
        Inbox risk = new Inbox(checkJournaled);
        bus.subscribe(SESSION, AgentRole.RISK, risk);
        Inbox observer = new Inbox(checkJournaled);
        bus.observe(SESSION, observer);

        for (int i = 0; i < 300; i++) bus.publish(alert(SESSION, "tick " + i));

        await().until(() -> risk.size() == 300 && observer.size() == 300);
        assertThat(deliveredBeforeJournaled).hasValue(0);
        assertThat(journal.seqs()).containsExactlyElementsOf(seqsUpTo(300));
    }

    @Test
    void a_message_the_journal_refuses_reaches_nobody() {
        MessageBus bus = bus(BusSettings.defaults().withJournal(message -> {
            if (message.content().text().equals("disk full")) throw new IllegalStateException("journal unavailable");
        }));
        Inbox observer = new Inbox();
        bus.observe(SESSION, observer);

        assertThatThrownBy(() -> bus.publish(alert(SESSION, "disk full"))).isInstanceOf(IllegalStateException.class);
        AgentMessage next = bus.publish(alert(SESSION, "journal back"));

        await().until(() -> observer.size() == 1);
        assertThat(observer.messages()).containsExactly(next);
        assertThat(statsOf(bus).journalFailures()).isEqualTo(1);
    }

    @Test
    void a_guard_refused_message_reaches_nobody() {
        Journal journal = new Journal();
        MessageBus bus = bus(BusSettings.defaults().withJournal(journal).withGuard(draft -> {
            if (draft.content().text().contains("unsigned")) throw new MalformedMessageException("content.text", "unsigned instruction");
        }));
        Inbox risk = subscribed(bus, AgentRole.RISK);
        Inbox observer = new Inbox();
        bus.observe(SESSION, observer);

        assertThatThrownBy(() -> bus.publish(alert(SESSION, "unsigned order to buy everything")))
                .isInstanceOf(MalformedMessageException.class)
                .extracting(e -> ((MalformedMessageException) e).field()).isEqualTo("content.text");
        AgentMessage accepted = bus.publish(alert(SESSION, "signed and sane"));

        await().until(() -> observer.size() == 1 && risk.size() == 1);
        assertThat(accepted.seq()).isEqualTo(1);
        assertThat(observer.messages()).containsExactly(accepted);
        assertThat(risk.messages()).containsExactly(accepted);
        assertThat(journal.seqs()).containsExactly(1L);
        assertThat(statsOf(bus).refused()).isEqualTo(1);
    }

    @Test
    void sessions_are_independent_and_each_starts_at_seq_1() {
        MessageBus bus = bus(BusSettings.defaults());
        SessionId morning = SessionId.of("morning");
        SessionId afternoon = SessionId.of("afternoon");
        Inbox morningRisk = new Inbox();
        bus.subscribe(morning, AgentRole.RISK, morningRisk);
        Inbox afternoonRisk = new Inbox();
        bus.subscribe(afternoon, AgentRole.RISK, afternoonRisk);

        AgentMessage firstMorning = bus.publish(alert(morning, "morning one"));
        AgentMessage firstAfternoon = bus.publish(alert(afternoon, "afternoon one"));
        AgentMessage secondMorning = bus.publish(alert(morning, "morning two"));

        assertThat(firstMorning.seq()).isEqualTo(1);
        assertThat(firstAfternoon.seq()).isEqualTo(1);
        assertThat(secondMorning.seq()).isEqualTo(2);
        await().until(() -> morningRisk.size() == 2 && afternoonRisk.size() == 1);
        assertThat(morningRisk.messages()).containsExactly(firstMorning, secondMorning);
        assertThat(afternoonRisk.messages()).containsExactly(firstAfternoon);
    }

    @Test
    void a_handler_that_throws_is_counted_and_reported_and_its_mailbox_keeps_running() {
        List<Long> reportedSeqs = new CopyOnWriteArrayList<>();
        MessageBus bus = bus(BusSettings.defaults().withErrorListener((subscriber, message, error) -> reportedSeqs.add(message.seq())));
        Inbox risk = new Inbox(message -> {
            if (message.seq() % 2 == 0) throw new IllegalStateException("cannot price seq " + message.seq());
        });
        bus.subscribe(SESSION, AgentRole.RISK, risk);

        for (int i = 0; i < 6; i++) bus.publish(alert(SESSION, "tick " + i));

        await().until(() -> reportedSeqs.size() == 3 && risk.size() == 3);
        assertThat(reportedSeqs).containsExactly(2L, 4L, 6L);
        assertThat(risk.seqs()).containsExactly(1L, 3L, 5L);
        assertThat(statsOf(bus).handlerErrors()).isEqualTo(3);
        assertThat(roleStats(statsOf(bus), AgentRole.RISK).handlerErrors()).isEqualTo(3);
    }

    // --- helpers ---

    private MessageBus bus(BusSettings settings) {
        MessageBus bus = newBus(settings);
        buses.add(bus);
        return bus;
    }

    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    private static Inbox subscribed(MessageBus bus, AgentRole role) {
        Inbox inbox = new Inbox();
        bus.subscribe(SESSION, role, inbox);
        return inbox;
    }

    private static BusStats.SubscriberStats roleStats(BusStats stats, AgentRole role) {
        return stats.subscribers().stream().filter(s -> s.subscriber().role() == role).findFirst().orElseThrow();
    }

    private static List<Long> seqsUpTo(int last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    private static void assertConsecutive(List<Long> seqs) {
        for (int i = 1; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A handler that keeps what it is given, after running an optional action (to be slow, or to throw). */
    protected static final class Inbox implements Consumer<AgentMessage> {
        private final List<AgentMessage> received = Collections.synchronizedList(new ArrayList<>());
        private final Consumer<AgentMessage> before;

        Inbox() { this(message -> { }); }

        Inbox(Consumer<AgentMessage> before) { this.before = before; }

        @Override public void accept(AgentMessage message) {
            before.accept(message);
            received.add(message);
        }

        int size() { return received.size(); }

        List<AgentMessage> messages() {
            synchronized (received) { return List.copyOf(received); }
        }

        List<Long> seqs() { return messages().stream().map(AgentMessage::seq).toList(); }
    }

    /** A journal hook that remembers the order in which it was called. */
    protected static final class Journal implements JournalHook {
        private final List<Long> seqs = new CopyOnWriteArrayList<>();

        @Override public void append(AgentMessage sequenced) { seqs.add(sequenced.seq()); }

        List<Long> seqs() { return seqs; }
    }
}
