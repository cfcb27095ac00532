package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalContract;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Journal;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest extends JournalContract {
    static final AuditKey KEY = AuditKey.of("a test key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final SessionId DESK = SessionId.of("desk-1");

    @TempDir Path directory;
    private Database database;
    private Database elsewhereDatabase;
    private Journal elsewhere;

    @Override
    protected Journal open(ManualClock clock) {
        database = Database.openFile(file());
        return new JdbcJournal(database, KEY, clock);
    }

    @Override
    protected void closeStorage() {
        if (elsewhere != null) {
            elsewhere.close();
            elsewhereDatabase.close();
        }
        database.close();
    }

    /** Read through a second pool on the same file: it sees only what was committed. */
    @Override
    protected List<JournalEntry> stored(SessionId session, long uptoSeq) {
        if (elsewhere == null) {
            elsewhereDatabase = Database.openFile(file());
            elsewhere = new JdbcJournal(elsewhereDatabase, KEY, clock);
        }
        return elsewhere.read(session, 0, (int) uptoSeq);
    }

    private Path file() { return directory.resolve("quorum.db"); }

    @Test
    void an_order_intention_is_in_the_file_when_append_returns() {
        JournalEvent.OrderIntended intended = new JournalEvent.OrderIntended(JournalSamples.orderRequest(), JournalSamples.PROPOSAL_ID, "approved");

        JournalEntry entry = journal.append(DESK, intended);

        try (Database reopened = Database.openFile(file()); Journal other = new JdbcJournal(reopened, KEY, clock)) {
            assertThat(other.read(DESK, 0, 10)).containsExactly(entry);
        }
    }

    @Test
    void a_reopened_journal_continues_the_session_where_it_ended_and_its_chain_stays_intact() {
        journal.append(DESK, JournalSamples.everyKindOfEvent().get(0));
        journal.append(DESK, JournalSamples.everyKindOfEvent().get(1));
        journal.close();
        database.close();

        database = Database.openFile(file());
        journal = new JdbcJournal(database, KEY, clock);
        JournalEntry third = journal.append(DESK, JournalSamples.everyKindOfEvent().get(2));

        assertThat(third.seq()).isEqualTo(3);
        assertThat(new AuditVerifier(database, KEY).verify().intact()).isTrue();
    }

    @Test
    void a_write_the_database_refuses_fails_its_caller_and_the_writer_goes_on_once_the_file_is_free() throws Exception {
        journal.append(DESK, JournalSamples.everyKindOfEvent().get(0));
        JournalEvent.OrderIntended intended = new JournalEvent.OrderIntended(JournalSamples.orderRequest(), JournalSamples.PROPOSAL_ID, "approved");

        try (Connection other = DriverManager.getConnection(Database.sqliteUrl(file())); Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            lock.execute("INSERT INTO journal_head (session_id, last_seq, last_hmac) VALUES ('someone-else', 1, 'x')");

            assertThatThrownBy(() -> journal.append(DESK, intended))
                    .isInstanceOf(JournalStorageException.class).hasMessageContaining("ORDER_INTENDED").hasMessageContaining(DESK.value());
            assertThatThrownBy(() -> journal.appendDurably(DESK, intended)).isInstanceOf(JournalStorageException.class);
            lock.execute("ROLLBACK");
        }
        JournalEntry second = journal.appendDurably(DESK, intended);

        assertThat(second.seq()).as("the failed appends left no gap").isEqualTo(2);
        assertThat(journal.read(DESK, 0, 10)).extracting(JournalEntry::seq).containsExactly(1L, 2L);
        assertThat(((JdbcJournal) journal).stats().failedBatches()).isEqualTo(2);
        assertThat(new AuditVerifier(database, KEY).verify().intact()).isTrue();
    }

    @Test
    void a_tail_listener_blocked_for_two_seconds_delays_no_durable_append() throws Exception {
        ObservableJournal observed = new ObservableJournal(journal);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> heard = new CopyOnWriteArrayList<>();
        JournalEvent.OrderIntended intended = new JournalEvent.OrderIntended(JournalSamples.orderRequest(), JournalSamples.PROPOSAL_ID, "approved");
        try (AutoCloseable following = observed.follow(DESK, entry -> {
            heard.add(entry.seq());
            if (entry.seq() == 1) {
                stalled.countDown();
                try {
                    release.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            observed.append(DESK, intended);
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            for (int n = 0; n < 50; n++) observed.appendDurably(DESK, intended);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(release.getCount()).as("the listener was still blocked when the appends returned").isEqualTo(1);
            assertThat(heard).containsExactly(1L);
            assertThat(took).as("50 durable appends beside a listener blocked for 2 s").isLessThan(Duration.ofMillis(1_500));
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heard.size() < 51 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(heard).isEqualTo(LongStream.rangeClosed(1, 51).boxed().toList());
        }
    }
}
