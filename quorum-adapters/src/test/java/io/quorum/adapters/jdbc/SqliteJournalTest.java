package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalContract;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.port.Journal;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
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
}
