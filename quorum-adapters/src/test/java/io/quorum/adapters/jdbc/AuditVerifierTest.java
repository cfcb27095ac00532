package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.jdbc.AuditReport.Break;
import io.quorum.adapters.jdbc.AuditReport.Problem;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering with the journal's rows, the way someone with the file but without the key could, is caught at the exact entry. */
class AuditVerifierTest {
    private static final SessionId DESK = SessionId.of("desk-1");
    private static final SessionId OTHER_DESK = SessionId.of("desk-2");

    @TempDir Path directory;
    private Database database;

    @BeforeEach
    void journalTwoSessionsOfSixEntries() {
        database = Database.openFile(directory.resolve("quorum.db"));
        ManualClock clock = new ManualClock(Instant.parse("2025-03-14T14:30:00Z"));
        try (JdbcJournal journal = new JdbcJournal(database, SqliteJournalTest.KEY, clock, JdbcJournal.DEFAULT_MAX_BATCH, anchor())) {
            for (int n = 1; n <= 6; n++) {
                journal.append(DESK, new UserAction("alice", UserAction.Action.EDIT_STOPS, "stop " + n));
                journal.append(OTHER_DESK, new UserAction("bob", UserAction.Action.CLOSE_POSITION, "close " + n));
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    @AfterEach
    void close() { database.close(); }

    private AuditReport verify() { return new AuditVerifier(database, SqliteJournalTest.KEY, anchor()).verify(); }

    private Path anchor() { return directory.resolve("quorum.db.anchor"); }

    @Test
    void a_whole_session_deleted_with_its_head_is_named_by_the_desks_chain() {
        tamper("DELETE FROM journal_entry WHERE session_id = 'desk-1'", "DELETE FROM journal_head WHERE session_id = 'desk-1'");

        AuditReport report = verify();

        assertThat(report.sessionsChecked()).as("the session is gone from the tables").isEqualTo(1);
        assertThat(report.breaks()).singleElement().satisfies(broken -> {
            assertThat(broken.session()).isNull();
            assertThat(broken.problem()).isEqualTo(Problem.DESK_GAP);
            assertThat(broken.where()).isEqualTo("the desk's chain, entry 1");
            assertThat(broken.detail()).startsWith("entries 1 to 1 of the desk's chain are missing");
        });
    }

    @Test
    void the_journals_tail_cut_with_every_head_rewound_is_caught_by_the_anchor_outside_the_database() {
        tamper("DELETE FROM journal_entry WHERE session_id = 'desk-2' AND seq = 6",
                "UPDATE journal_head SET last_seq = 5, last_hmac = (SELECT hmac FROM journal_entry WHERE session_id = 'desk-2' AND seq = 5) WHERE session_id = 'desk-2'",
                "UPDATE journal_desk_head SET last_desk_seq = 11, last_hmac = (SELECT desk_hmac FROM journal_entry WHERE desk_seq = 11)");

        assertThat(new AuditVerifier(database, SqliteJournalTest.KEY).verify().intact())
                .as("inside the database alone, a clean cut of the tail leaves no trace").isTrue();
        assertThat(verify().breaks()).singleElement().satisfies(broken -> {
            assertThat(broken.problem()).isEqualTo(Problem.TAIL_CUT);
            assertThat(broken.detail()).contains("records entry 12 of the desk's chain, but the journal ends at entry 11");
        });
    }

    @Test
    void an_anchor_not_signed_with_the_audit_key_is_named() throws Exception {
        String line = java.nio.file.Files.readString(anchor());
        java.nio.file.Files.writeString(anchor(), line.replaceFirst(" 12 ", " 13 "));

        assertThat(verify().breaks()).singleElement().satisfies(broken -> {
            assertThat(broken.problem()).isEqualTo(Problem.TAIL_CUT);
            assertThat(broken.detail()).contains("was not signed with this audit key");
        });
    }

    @Test
    void an_untouched_journal_verifies() {
        AuditReport report = verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.sessionsChecked()).isEqualTo(2);
        assertThat(report.entriesChecked()).isEqualTo(12);
    }

    @Test
    void an_edited_entry_is_named() {
        tamper("UPDATE journal_entry SET payload = replace(payload, 'stop 3', 'stop 30') WHERE session_id = 'desk-1' AND seq = 3");

        AuditReport report = verify();

        assertThat(report.breaks()).containsExactly(new Break(DESK, 3, Problem.HASH_MISMATCH,
                "entry 3 does not match its HMAC: it was edited, moved, or written without the audit key"));
    }

    @Test
    void an_entry_with_an_edited_time_is_named() {
        tamper("UPDATE journal_entry SET recorded_at = '2025-03-14T14:29:00Z' WHERE session_id = 'desk-2' AND seq = 5");

        assertThat(verify().breaks()).extracting(Break::session, Break::seq, Break::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OTHER_DESK, 5L, Problem.HASH_MISMATCH));
    }

    @Test
    void a_deleted_entry_is_named() {
        tamper("DELETE FROM journal_entry WHERE session_id = 'desk-1' AND seq = 4");

        assertThat(verify().firstBreak()).get().extracting(Break::session, Break::seq, Break::problem)
                .containsExactly(DESK, 4L, Problem.MISSING);
    }

    @Test
    void reordered_entries_are_named_at_the_first_moved_one() {
        tamper("UPDATE journal_entry SET seq = 1000 WHERE session_id = 'desk-1' AND seq = 2",
                "UPDATE journal_entry SET seq = 2 WHERE session_id = 'desk-1' AND seq = 3",
                "UPDATE journal_entry SET seq = 3 WHERE session_id = 'desk-1' AND seq = 1000");

        assertThat(verify().firstBreak()).get().extracting(Break::session, Break::seq, Break::problem)
                .containsExactly(DESK, 2L, Problem.HASH_MISMATCH);
    }

    @Test
    void entries_removed_from_the_end_are_named() {
        tamper("DELETE FROM journal_entry WHERE session_id = 'desk-2' AND seq >= 5");

        assertThat(verify().firstBreak()).get().extracting(Break::session, Break::seq, Break::problem)
                .containsExactly(OTHER_DESK, 5L, Problem.HEAD_MISMATCH);
    }

    @Test
    void a_journal_checked_with_another_key_fails_at_its_first_entry() {
        AuditKey other = AuditKey.of("another key, also long enough!!!".getBytes(StandardCharsets.UTF_8));

        AuditReport report = new AuditVerifier(database, other).verify(DESK);

        assertThat(report.breaks()).extracting(Break::seq).containsExactly(1L);
    }

    private void tamper(String... statements) {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
