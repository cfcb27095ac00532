package io.quorum.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalContract;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Journal;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journal's tail: listeners on threads of their own, every entry once and in order, never inside an append. */
class ObservableJournalTest extends JournalContract {
    private static final SessionId DESK = SessionId.of("desk-1");
    private static final SessionId OTHER_DESK = SessionId.of("desk-2");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<AutoCloseable> following = new ArrayList<>();

    @Override
    protected Journal open(ManualClock clock) { return new ObservableJournal(new InMemoryJournal(clock)); }

    private ObservableJournal tail() { return (ObservableJournal) journal; }

    @AfterEach
    void stopFollowing() throws Exception {
        for (AutoCloseable handle : following) handle.close();
    }

    private static JournalEvent note(int n) { return new UserAction("alice", UserAction.Action.EDIT_STOPS, "edit " + n); }

    @Test
    void a_listener_blocked_for_two_seconds_delays_no_append_and_no_other_listener() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> heardByStalled = new CopyOnWriteArrayList<>();
        List<Long> heardByOther = new CopyOnWriteArrayList<>();
        following.add(tail().follow(DESK, entry -> {
            heardByStalled.add(entry.seq());
            if (entry.seq() == 1) {
                stalled.countDown();
                await(release, Duration.ofSeconds(2));
            }
        }));
        following.add(tail().followAll(entry -> heardByOther.add(entry.seq())));
        journal.append(DESK, note(1));
        assertThat(stalled.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        ExecutorService appender = Executors.newSingleThreadExecutor();
        try {
            long started = System.nanoTime();
            Future<?> appends = appender.submit(() -> {
                for (int n = 2; n <= 200; n++) journal.appendDurably(DESK, note(n));
            });
            appends.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(release.getCount()).as("the listener was still blocked when the appends returned").isEqualTo(1);
            assertThat(heardByStalled).containsExactly(1L);
            assertThat(took).as("199 appends beside a listener blocked for 2 s").isLessThan(Duration.ofMillis(1_500));
            awaitUntil(() -> heardByOther.size() == 200);
            assertThat(heardByOther).as("a blocked listener holds up no other").isEqualTo(seqs(200));
        } finally {
            release.countDown();
            appender.shutdownNow();
        }
        awaitUntil(() -> heardByStalled.size() == 200);
        assertThat(heardByStalled).as("once released, it catches up with every entry once, in order").isEqualTo(seqs(200));
    }

    @Test
    void listeners_hear_concurrent_appends_in_seq_order_exactly_once_and_never_on_an_appending_thread() throws Exception {
        Set<Thread> appenders = ConcurrentHashMap.newKeySet();
        Set<Thread> listenedOn = ConcurrentHashMap.newKeySet();
        List<Long> heard = new CopyOnWriteArrayList<>();
        List<JournalEntry> heardEverywhere = new CopyOnWriteArrayList<>();
        following.add(tail().follow(DESK, entry -> {
            listenedOn.add(Thread.currentThread());
            heard.add(entry.seq());
        }));
        following.add(tail().followAll(heardEverywhere::add));
        int writers = 4;
        int perWriter = 250;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    appenders.add(Thread.currentThread());
                    for (int n = 0; n < perWriter; n++) journal.append(writer % 2 == 0 ? DESK : OTHER_DESK, note(writer * 1000 + n));
                }));
            }
            for (Future<?> writer : done) writer.get();
        } finally {
            pool.shutdownNow();
        }

        awaitUntil(() -> heard.size() >= 500 && heardEverywhere.size() >= 1_000);
        assertThat(heard).isEqualTo(seqs(500));
        assertThat(heardEverywhere).filteredOn(entry -> entry.session().equals(OTHER_DESK)).extracting(JournalEntry::seq).isEqualTo(seqs(500));
        assertThat(heardEverywhere).hasSize(1_000);
        assertThat(listenedOn).doesNotContainAnyElementsOf(appenders);
    }

    @Test
    void a_follower_hears_what_is_appended_after_it_starts_and_a_new_session_from_its_first_entry() throws Exception {
        journal.append(DESK, note(1));
        journal.append(DESK, note(2));
        List<JournalEntry> heard = new CopyOnWriteArrayList<>();
        List<JournalEntry> heardEverywhere = new CopyOnWriteArrayList<>();
        following.add(tail().follow(DESK, heard::add));
        following.add(tail().followAll(heardEverywhere::add));

        journal.append(DESK, note(3));
        journal.append(OTHER_DESK, note(4));

        awaitUntil(() -> heard.size() == 1 && heardEverywhere.size() == 2);
        assertThat(heard).extracting(JournalEntry::event).containsExactly(note(3));
        assertThat(heardEverywhere).extracting(JournalEntry::event).containsExactlyInAnyOrder(note(3), note(4));
    }

    @Test
    void a_listener_that_throws_is_counted_and_keeps_following() throws Exception {
        List<Long> heard = new CopyOnWriteArrayList<>();
        following.add(tail().follow(DESK, entry -> {
            heard.add(entry.seq());
            if (entry.seq() == 2) throw new IllegalStateException("a broken listener");
        }));

        for (int n = 1; n <= 3; n++) journal.append(DESK, note(n));

        awaitUntil(() -> heard.size() == 3);
        assertThat(heard).containsExactly(1L, 2L, 3L);
        assertThat(tail().listenerFailures()).isEqualTo(1);
    }

    @Test
    void a_follower_far_behind_the_recent_window_reads_the_rest_from_the_journal() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> heard = new CopyOnWriteArrayList<>();
        following.add(tail().follow(DESK, entry -> {
            if (entry.seq() == 1) await(release, PATIENCE);
            heard.add(entry.seq());
        }));

        for (int n = 1; n <= 1_000; n++) journal.append(DESK, note(n));
        release.countDown();

        awaitUntil(() -> heard.size() == 1_000);
        assertThat(heard).isEqualTo(seqs(1_000));
    }

    @Test
    void a_stopped_follower_hears_nothing_more() throws Exception {
        List<Long> heard = new CopyOnWriteArrayList<>();
        AutoCloseable handle = tail().follow(DESK, entry -> heard.add(entry.seq()));
        journal.append(DESK, note(1));
        awaitUntil(() -> heard.size() == 1);

        handle.close();
        journal.append(DESK, note(2));
        List<Long> afterwards = new CopyOnWriteArrayList<>();
        following.add(tail().follow(DESK, entry -> afterwards.add(entry.seq())));
        journal.append(DESK, note(3));

        awaitUntil(() -> afterwards.size() == 1);
        assertThat(heard).containsExactly(1L);
    }

    private static List<Long> seqs(int upTo) { return LongStream.rangeClosed(1, upTo).boxed().toList(); }

    private static void await(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + PATIENCE);
            Thread.sleep(5);
        }
    }
}
