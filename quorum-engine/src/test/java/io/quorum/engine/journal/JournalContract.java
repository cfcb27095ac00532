package io.quorum.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.port.Journal;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
