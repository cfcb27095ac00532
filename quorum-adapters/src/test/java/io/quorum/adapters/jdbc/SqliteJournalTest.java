package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalContract;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.port.Journal;
import io.quorum.engine.session.SessionId;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest extends JournalContract {
    static final AuditKey KEY = AuditKey.of("a test key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final SessionId DESK = SessionId.of("desk-1");

    @TempDir Path directory;
    private Database database;

    @Override
    protected Journal open(ManualClock clock) {
        database = Database.openFile(file());
        return new JdbcJournal(database, KEY, clock);
    }

    @Override
    protected void closeStorage() { database.close(); }

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
}
