package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.adapters.testing.RequiredServiceCheck;
import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running journal and comes back: the journal refuses appends while it
 * is gone and resumes by itself within seconds of its return, without a restart. The outage is
 * played on a database of the test's own: its connections are cut and new ones refused.
 */
@RequiresService("postgresql")
class PostgresJournalOutageTest {
    private static final String HOST = "jdbc:postgresql://" + RequiredServiceCheck.address("postgresql") + "/";
    private static final String USER = "postgres";
    private static final Ticker AAPL = Ticker.of("AAPL");

    private final String name = "quorum_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Database database;
    private JdbcJournal journal;

    @AfterEach
    void dropTheDatabase() {
        if (journal != null) journal.close();
        if (database != null) database.close();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Test
    void the_journal_refuses_appends_while_the_database_is_gone_and_resumes_within_seconds_of_its_return() throws Exception {
        admin("CREATE DATABASE " + name);
        database = Database.open(HOST + name, USER, "");
        journal = new JdbcJournal(database, SqliteJournalTest.KEY, new ManualClock(Instant.parse("2025-03-04T15:00:00Z")));
        SessionId session = SessionId.of("outage-1");
        journal.appendDurably(session, new JournalEvent.SessionOpened(AAPL));

        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        assertThatThrownBy(() -> journal.appendDurably(session, new JournalEvent.StateChanged("IDLE", "ANALYZING", "while the database is gone")))
                .isInstanceOf(JournalStorageException.class);
        Thread.sleep(Duration.ofSeconds(8));
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        long back = System.nanoTime();

        Duration resumed = null;
        while (resumed == null && System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
            try {
                journal.appendDurably(session, new JournalEvent.StateChanged("IDLE", "ANALYZING", "the database is back"));
                resumed = Duration.ofNanos(System.nanoTime() - back);
            } catch (JournalStorageException stillDown) {
                Thread.sleep(100);
            }
        }

        assertThat(resumed).as("resumed by itself, without a restart").isNotNull().isLessThan(Duration.ofSeconds(5));
        System.out.println("PostgreSQL journal resumed " + resumed.toMillis() + " ms after the database came back");
        assertThat(journal.read(session, 0, 10)).extracting(entry -> entry.event().kind())
                .as("nothing of the refused append was kept, and the chain goes on").containsExactly(JournalEvent.Kind.SESSION_OPENED, JournalEvent.Kind.STATE_CHANGED);
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(HOST + "test", USER, ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
