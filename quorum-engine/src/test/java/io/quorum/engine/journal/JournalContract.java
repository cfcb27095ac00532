package io.quorum.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Journal;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Journal} must do. Each implementation's test extends this suite and opens a fresh, empty journal. */
public abstract class JournalContract {
    protected final ManualClock clock = new ManualClock(Instant.parse("2025-03-14T14:30:00Z"));
    protected Journal journal;

    /** A new, empty journal reading the time from {@code clock}. */
    protected abstract Journal open(ManualClock clock);

    @BeforeEach
    void openJournal() { journal = open(clock); }

    @AfterEach
    void closeJournal() {
        journal.close();
        closeStorage();
    }

    /** Releases what the journal was built on, once the journal is closed. */
    protected void closeStorage() {}

    private static final SessionId DESK = SessionId.of("desk-1");
    private static final SessionId OTHER_DESK = SessionId.of("desk-2");

    private static JournalEvent note(int n) {
        return new UserAction("alice", UserAction.Action.EDIT_STOPS, "edit " + n);
    }

    @Test
    void the_first_entry_of_a_session_has_seq_one_and_the_clock_s_time() {
        JournalEntry entry = journal.append(DESK, note(1));

        assertThat(entry.seq()).isEqualTo(1);
        assertThat(entry.session()).isEqualTo(DESK);
        assertThat(entry.time()).isEqualTo(clock.now());
        assertThat(entry.event()).isEqualTo(note(1));
        assertThat(journal.lastSeq(DESK)).isEqualTo(1);
    }

    @Test
    void each_session_counts_its_own_entries() {
        journal.append(DESK, note(1));
        journal.append(DESK, note(2));
        JournalEntry other = journal.append(OTHER_DESK, note(3));

        assertThat(other.seq()).isEqualTo(1);
        assertThat(journal.lastSeq(DESK)).isEqualTo(2);
        assertThat(journal.lastSeq(SessionId.of("never-used"))).isZero();
        assertThat(journal.sessions()).containsExactly(DESK, OTHER_DESK);
    }

    @Test
    void every_kind_of_event_reads_back_equal_to_what_was_appended() {
        List<JournalEvent> events = JournalSamples.everyKindOfEvent();
        for (JournalEvent event : events) {
            journal.append(DESK, event);
            clock.advance(Duration.ofMillis(1500));
        }

        List<JournalEntry> read = journal.read(DESK, 0, 100);

        assertThat(read).extracting(JournalEntry::event).containsExactlyElementsOf(events);
        assertThat(read).extracting(JournalEntry::time)
                .containsExactly(events.stream().map(e -> Instant.parse("2025-03-14T14:30:00Z").plusMillis(1500L * events.indexOf(e))).toArray(Instant[]::new));
    }

    @Test
    void reading_after_a_seq_returns_the_following_entries_one_page_at_a_time() {
        for (int n = 1; n <= 25; n++) journal.append(DESK, note(n));

        List<Long> seen = new ArrayList<>();
        long after = 0;
        List<JournalEntry> page;
        while (!(page = journal.read(DESK, after, 10)).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(10);
            for (JournalEntry entry : page) seen.add(entry.seq());
            after = page.getLast().seq();
        }

        assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(journal.read(DESK, 20, 100)).extracting(JournalEntry::event).containsExactly(note(21), note(22), note(23), note(24), note(25));
        assertThat(journal.read(DESK, 25, 10)).isEmpty();
        assertThat(journal.read(SessionId.of("never-used"), 0, 10)).isEmpty();
    }

    @Test
    void concurrent_appends_get_every_seq_exactly_once_in_order() throws Exception {
        int writers = 4;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                tasks.add(() -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int n = 0; n < perWriter; n++) seqs.add(journal.append(DESK, note(writer * 1000 + n)).seq());
                    return seqs;
                });
            }
            List<Long> assigned = new ArrayList<>();
            for (Future<List<Long>> result : pool.invokeAll(tasks)) {
                List<Long> own = result.get();
                assertThat(own).isSorted();
                assigned.addAll(own);
            }

            assertThat(assigned).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed().toList());
            assertThat(journal.read(DESK, 0, 10_000)).extracting(JournalEntry::seq).isEqualTo(
                    java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appenders_on_several_sessions_at_once_each_get_their_session_s_seqs_in_their_own_order() throws Exception {
        List<SessionId> sessions = List.of(DESK, OTHER_DESK, SessionId.of("desk-3"));
        int writersPerSession = 2;
        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size() * writersPerSession);
        try {
            List<Callable<List<JournalEntry>>> tasks = new ArrayList<>();
            for (SessionId session : sessions) {
                for (int w = 0; w < writersPerSession; w++) {
                    int writer = w;
                    tasks.add(() -> {
                        List<JournalEntry> own = new ArrayList<>();
                        for (int n = 0; n < perWriter; n++) {
                            JournalEvent event = note(writer * 1000 + n);
                            own.add(n % 10 == 9 ? journal.appendDurably(session, event) : journal.append(session, event));
                        }
                        return own;
                    });
                }
            }
            Map<SessionId, List<JournalEntry>> appended = new HashMap<>();
            for (Future<List<JournalEntry>> result : pool.invokeAll(tasks)) {
                List<JournalEntry> own = result.get();
                assertThat(own).extracting(JournalEntry::seq).isSorted();
                appended.computeIfAbsent(own.getFirst().session(), s -> new ArrayList<>()).addAll(own);
            }

            for (SessionId session : sessions) {
                List<JournalEntry> read = journal.read(session, 0, 10_000);
                assertThat(read).extracting(JournalEntry::seq)
                        .isEqualTo(LongStream.rangeClosed(1, writersPerSession * perWriter).boxed().toList());
                assertThat(read).containsExactlyInAnyOrderElementsOf(appended.get(session));
                assertThat(read).extracting(JournalEntry::hash).doesNotHaveDuplicates();
                assertThat(journal.lastSeq(session)).isEqualTo(writersPerSession * perWriter);
            }
            assertThat(journal.sessions()).containsExactlyElementsOf(sessions);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_a_durable_append_returns_every_earlier_entry_of_its_session_is_stored() throws Exception {
        int lazyWriters = 3;
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(lazyWriters);
        try {
            List<Future<Integer>> lazy = new ArrayList<>();
            for (int w = 0; w < lazyWriters; w++) {
                int writer = w;
                lazy.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get() && n < 2_000) journal.append(DESK, note(writer * 10_000 + n++));
                    return n;
                }));
            }
            for (int d = 0; d < 20; d++) {
                JournalEntry durable = journal.appendDurably(DESK, new StateChanged("ACTIVE", "ACTIVE", "checkpoint " + d));

                List<JournalEntry> stored = stored(DESK, durable.seq());
                assertThat(stored).extracting(JournalEntry::seq).as("stored up to the durable entry, seq " + durable.seq())
                        .isEqualTo(LongStream.rangeClosed(1, durable.seq()).boxed().toList());
                assertThat(stored.getLast()).isEqualTo(durable);
            }
            stop.set(true);
            int total = 20;
            for (Future<Integer> writer : lazy) total += writer.get();
            assertThat(journal.lastSeq(DESK)).isEqualTo(total);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /**
     * The session's entries up to {@code uptoSeq} as the storage holds them, read apart from the
     * journal under test where the implementation can (a second connection, a reopened file).
     */
    protected List<JournalEntry> stored(SessionId session, long uptoSeq) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalEntry entry : journal.read(session, 0, (int) uptoSeq)) entries.add(entry);
        return entries;
    }

    @Test
    void each_entry_is_chained_to_the_one_before() {
        JournalEntry first = journal.append(DESK, note(1));
        JournalEntry second = journal.append(DESK, note(1));

        assertThat(second.hash()).isNotEqualTo(first.hash());
        assertThat(journal.read(DESK, 0, 10)).extracting(JournalEntry::hash).containsExactly(first.hash(), second.hash());
    }

    @Test
    void a_durable_append_is_readable_at_once() {
        JournalEvent intended = new JournalEvent.OrderIntended(JournalSamples.orderRequest(), null, "stop-loss exit");

        JournalEntry entry = journal.appendDurably(DESK, new StateChanged("IDLE", "ANALYZING", "user asked"));
        JournalEntry order = journal.append(DESK, intended);

        assertThat(journal.read(DESK, 0, 10)).containsExactly(entry, order);
    }

    @Test
    void a_read_with_a_negative_seq_or_no_room_is_a_programming_error() {
        assertThatThrownBy(() -> journal.read(DESK, -1, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("afterSeq");
        assertThatThrownBy(() -> journal.read(DESK, 0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
}
