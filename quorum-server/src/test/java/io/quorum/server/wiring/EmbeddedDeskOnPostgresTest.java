package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.testing.RequiredServiceCheck;
import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.session.SessionState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk keeps its journal in PostgreSQL when given its URL, as {@code serve --db jdbc:postgresql://…} does. */
@RequiresService("postgresql")
class EmbeddedDeskOnPostgresTest {
    private static final String HOST = "jdbc:postgresql://" + RequiredServiceCheck.address("postgresql") + "/";

    @TempDir Path directory;
    private final String name = "quorum_desk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void dropTheDatabase() { admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); }

    @Test
    void a_desk_on_a_postgresql_url_journals_its_sessions_there_and_creates_no_file_for_it() throws Exception {
        admin("CREATE DATABASE " + name);
        String url = HOST + name + "?user=postgres";
        try (EmbeddedDesk embedded = EmbeddedDesk.onJournal(url, 42, 60, directory.resolve("broker.db"), DeskSettings.defaults())) {
            embedded.start();
            DeskSession session = embedded.desk().open(Ticker.of("AAPL"), "alice");
            await().atMost(Duration.ofSeconds(20)).until(() -> session.state() == SessionState.PROPOSAL);
        }

        try (Connection connection = DriverManager.getConnection(HOST + name, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM journal_entry")) {
            count.next();
            assertThat(count.getLong(1)).as("the session's journal is in PostgreSQL").isGreaterThan(10);
        }
        assertThat(Path.of("jdbc:postgresql:")).as("no SQLite file named after the URL").doesNotExist();
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(HOST + "test", "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
