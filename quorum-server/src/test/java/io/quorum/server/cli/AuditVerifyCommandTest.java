package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.cli.QuorumCli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum audit verify} on a SQLite journal of two sessions, five entries each, left alone or tampered with by plain SQL. */
class AuditVerifyCommandTest {
    static final String KEY_TEXT = "the desk's audit key, long enough";
    static final Map<String, String> WITH_KEY = Map.of(AuditKey.ENVIRONMENT_VARIABLE, KEY_TEXT);

    @TempDir Path directory;
    private Path file;

    @BeforeEach
    void journalTwoSessions() {
        file = directory.resolve("quorum.db");
        writeJournal(file, AuditKey.of(KEY_TEXT.getBytes(StandardCharsets.UTF_8)));
    }

    static void writeJournal(Path file, AuditKey key) {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-14T14:30:00Z"));
        try (Database database = Database.openFile(file); JdbcJournal journal = new JdbcJournal(database, key, clock)) {
            for (int n = 1; n <= 5; n++) {
                journal.append(SessionId.of("desk-1"), new UserAction("alice", UserAction.Action.EDIT_STOPS, "stop " + n));
                journal.append(SessionId.of("desk-2"), new UserAction("bob", UserAction.Action.CLOSE_POSITION, "close " + n));
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    private Run verify(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "audit";
        args[1] = "verify";
        args[2] = "--db";
        args[3] = file.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return QuorumCli.run(WITH_KEY, args);
    }

    private void tamper(String... statements) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = connection.createStatement()) {
            for (String sql : statements) statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_intact_journal_is_reported_ok_and_exits_zero() {
        Run run = verify();

        assertThat(run.out()).isEqualTo("OK: 10 entries in 2 sessions verified" + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void one_session_can_be_verified_alone() {
        Run run = verify("--session", "desk-2");

        assertThat(run.out()).startsWith("OK: 5 entries in 1 session verified");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void an_edited_row_is_named_by_session_and_seq_and_exits_one() {
        tamper("UPDATE journal_entry SET payload = replace(payload, 'stop 3', 'stop 30') WHERE session_id = 'desk-1' AND seq = 3");

        Run run = verify();

        assertThat(run.out()).startsWith("BROKEN: session desk-1, entry 3: HASH_MISMATCH - entry 3 does not match its HMAC")
                .contains("1 session of 2 damaged");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_deleted_row_is_named_as_missing() {
        tamper("DELETE FROM journal_entry WHERE session_id = 'desk-2' AND seq = 2");

        Run run = verify();

        assertThat(run.out()).startsWith("BROKEN: session desk-2, entry 2: MISSING - entry 2 is missing: entry 3 follows entry 1");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void two_rows_with_swapped_seqs_are_named_at_the_first_moved_one() {
        tamper("UPDATE journal_entry SET seq = 1000 WHERE session_id = 'desk-1' AND seq = 2",
                "UPDATE journal_entry SET seq = 2 WHERE session_id = 'desk-1' AND seq = 4",
                "UPDATE journal_entry SET seq = 4 WHERE session_id = 'desk-1' AND seq = 1000");

        Run run = verify();

        assertThat(run.out()).startsWith("BROKEN: session desk-1, entry 2: HASH_MISMATCH");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void the_default_database_is_found_in_the_data_folder_and_its_key_file_beside_it() {
        Path dataDir = directory.resolve("desk-data");
        Path defaultFile = dataDir.resolve("quorum.db");
        writeJournal(defaultFile, AuditKey.fromFile(defaultFile.resolveSibling("quorum.db.audit-key")));

        Run run = QuorumCli.run(Map.of(DataFolder.ENVIRONMENT_VARIABLE, dataDir.toString()), "audit", "verify");

        assertThat(run.out()).startsWith("OK: 10 entries in 2 sessions verified");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void the_wrong_key_makes_the_first_entry_fail() {
        Run run = QuorumCli.run(Map.of(AuditKey.ENVIRONMENT_VARIABLE, "some other key, also long enough"), "audit", "verify", "--db", file.toString());

        assertThat(run.out()).startsWith("BROKEN: session desk-1, entry 1: HASH_MISMATCH");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_missing_database_is_one_line_and_exit_two_and_is_not_created() {
        Path missing = directory.resolve("nowhere.db");

        Run run = QuorumCli.run(WITH_KEY, "audit", "verify", "--db", missing.toString());

        assertThat(run.err()).isEqualTo("quorum: no database at " + missing + System.lineSeparator());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(missing).doesNotExist();
    }

    @Test
    void a_file_that_is_not_a_database_is_one_line_and_exit_two() throws IOException {
        Path notes = Files.writeString(directory.resolve("notes.txt"), "not a database at all, just some notes");

        Run run = QuorumCli.run(WITH_KEY, "audit", "verify", "--db", notes.toString());

        assertThat(run.err()).startsWith("quorum: " + notes + " is not a SQLite database").hasLineCount(1);
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void without_a_key_nothing_is_verified_and_no_key_is_made_up() {
        Run run = QuorumCli.run(Map.of(), "audit", "verify", "--db", file.toString());

        assertThat(run.err()).startsWith("quorum: no audit key: set QUORUM_AUDIT_KEY or restore the key file").hasLineCount(1);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(directory.resolve("quorum.db.audit-key")).doesNotExist();
    }

    @Test
    void an_unknown_session_is_an_error_not_an_empty_success() {
        Run run = verify("--session", "desk-9");

        assertThat(run.err()).startsWith("quorum: no journal for session desk-9");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void bad_arguments_print_the_error_and_the_usage_and_exit_two() {
        Run unknownOption = verify("--frobnicate");
        Run misspelt = verify("--sessoin", "desk-1");
        Run badSession = verify("--session", "not a session!");

        assertThat(unknownOption.err()).startsWith("Unknown option: '--frobnicate'").contains("Usage: quorum audit verify");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).as("picocli suggests instead of printing the usage").contains("Possible solutions: --session");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(badSession.err()).contains("Invalid value for option '--session'").contains("Usage: quorum audit verify");
        assertThat(badSession.exitCode()).isEqualTo(2);
    }

    @Test
    void audit_without_a_subcommand_is_a_usage_error() {
        Run run = QuorumCli.run(WITH_KEY, "audit");

        assertThat(run.err()).startsWith("Missing required subcommand").contains("Usage: quorum audit");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
