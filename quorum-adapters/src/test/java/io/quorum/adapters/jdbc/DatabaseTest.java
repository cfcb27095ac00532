package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store refuses databases it must not use, and leaves them exactly as they were. */
class DatabaseTest {
    @TempDir Path directory;

    @Test
    void a_new_file_gets_the_current_schema_and_opens_again() {
        Path file = directory.resolve("data/quorum.db");
        try (Database database = Database.openFile(file)) {
            assertThat(database.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(database.file()).contains(file.toAbsolutePath());
        }
        try (Database reopened = Database.openFile(file)) {
            assertThat(reopened.defaultAuditKeyFile()).isEqualTo(file.toAbsolutePath().resolveSibling("quorum.db.audit-key"));
        }
    }

    @Test
    void a_database_migrated_by_a_newer_quorum_is_refused() throws Exception {
        Path file = directory.resolve("quorum.db");
        Database.openFile(file).close();
        try (Connection connection = DriverManager.getConnection(Database.sqliteUrl(file)); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) "
                    + "VALUES (99, '99', 'orders from the future', 'SQL', 'V99__orders_from_the_future.sql', 0, 'quorum', 0, 1)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.openFile(file))
                .isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer Quorum")
                .hasMessageContaining("knows versions up to 2");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_a_sqlite_database_is_refused_and_left_untouched() throws Exception {
        Path file = directory.resolve("quorum.db");
        byte[] notes = "Trading notes: buy low, sell high.\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, notes);

        assertThatThrownBy(() -> Database.openFile(file))
                .isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("is not a SQLite database")
                .hasMessageContaining("will not open or change it");
        assertThat(Files.readAllBytes(file)).isEqualTo(notes);
        assertThat(directory.resolve("quorum.db-wal")).doesNotExist();
        assertThat(directory.resolve("quorum.db-shm")).doesNotExist();
    }

    @Test
    void another_program_s_sqlite_database_is_refused_and_left_untouched() throws Exception {
        Path file = directory.resolve("crm.db");
        try (Connection connection = DriverManager.getConnection(Database.sqliteUrl(file)); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            statement.executeUpdate("INSERT INTO customers (name) VALUES ('Ada')");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.openFile(file))
                .isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("not Quorum's (e.g. customers)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void the_dialect_follows_the_url() {
        assertThat(Dialect.of("jdbc:sqlite:/tmp/q.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:postgresql://db:5432/quorum")).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/quorum")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported");
    }
}
