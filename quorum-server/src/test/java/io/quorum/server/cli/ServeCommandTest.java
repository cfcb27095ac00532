package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.engine.journal.JournalEvent.SessionOpened;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.cli.QuorumCli.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeCommandTest {
    @TempDir Path directory;

    /**
     * The entry is spoilt in place with plain SQL, as a disk fault or a hand edit would: unparseable
     * text, and a string longer than the JSON reader accepts (what a bounded input once prevented).
     * Entry 2 is read by the recovery, entry 3 already when the desk is built (its last time).
     */
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @ParameterizedTest(name = "entry {0}: {1}")
    @CsvSource({"2, garbage", "3, garbage", "2, oversized"})
    void an_unreadable_journal_entry_stops_the_start_with_one_line_naming_it(int seq, String spoilt) throws Exception {
        Path journal = directory.resolve("quorum.db");
        try (Database database = Database.openFile(journal);
             JdbcJournal writer = new JdbcJournal(database, AuditKey.resolve(Map.of(), database.defaultAuditKeyFile()),
                     new ManualClock(Instant.parse("2025-03-14T14:30:00Z")))) {
            writer.append(SessionId.of("desk-1"), new SessionOpened(Ticker.of("AAPL")));
            writer.append(SessionId.of("desk-1"), new UserAction("alice", UserAction.Action.EDIT_STOPS, "stop 1"));
            writer.append(SessionId.of("desk-1"), new UserAction("alice", UserAction.Action.EDIT_STOPS, "stop 2"));
        }
        String payload = spoilt.equals("garbage") ? "{\"actor\":" : "{\"actor\":\"" + "x".repeat(21_000_000) + "\"}";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + journal);
             PreparedStatement update = connection.prepareStatement("UPDATE journal_entry SET payload = ? WHERE session_id = 'desk-1' AND seq = ?")) {
            update.setString(1, payload);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Run run = QuorumCli.run(Map.of(), "serve", "--port", "0", "--db", journal.toString(), "--broker-db", directory.resolve("broker.db").toString(),
                "--token", "serve-command-test-token");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("quorum: journal entry " + seq + " of session desk-1 cannot be read back (")
                .contains(journal.toAbsolutePath().toString())
                .hasSizeLessThan(600));
    }

    @ParameterizedTest(name = "--db {0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://127.0.0.1:3306/test                 | is not a database Quorum keeps its journal in
            postgresql://127.0.0.1:5432/test?user=postgres   | looks like a URL, not a file; for PostgreSQL write jdbc:postgresql://
            jdbc:sqlite:                                     | names no file
            """)
    void a_db_that_is_neither_a_file_nor_a_journal_url_is_refused_with_one_line_and_creates_nothing(String db, String says) throws Exception {
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<Path> before = listing(workingDirectory);

        Run run = QuorumCli.run(Map.of(), "serve", "--port", "0", "--db", db, "--broker-db", directory.resolve("broker.db").toString(),
                "--token", "serve-command-test-token");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("quorum: --db: ").contains(says));
        assertThat(listing(workingDirectory)).as("no file was created for it").isEqualTo(before);
    }

    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @ParameterizedTest(name = "--bus {0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1:6379 | --bus must be a Redis address, redis://host:port, was http://127.0.0.1:6379
            redis://127.0.0.1:1   | Redis does not answer at redis://127.0.0.1:1 (--bus)
            """)
    void a_bus_that_is_not_a_redis_answering_stops_the_start_saying_why_first(String bus, String says) {
        Run run = QuorumCli.run(Map.of(), "serve", "--port", "0", "--db", directory.resolve("quorum.db").toString(),
                "--broker-db", directory.resolve("broker.db").toString(), "--token", "serve-command-test-token", "--bus", bus);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        // An address that is not Redis's is a usage error: the usage follows the reason.
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).contains(says));
    }

    private static List<Path> listing(Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
