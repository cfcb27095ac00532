package io.quorum.adapters.jdbc;

import io.quorum.adapters.testing.RequiredServiceCheck;
import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.journal.JournalContract;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Journal;
import io.quorum.engine.time.ManualClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/** The contract against a real PostgreSQL, each test in a schema of its own that is dropped afterwards. */
@RequiresService("postgresql")
class PostgresJournalTest extends JournalContract {
    private static final String SERVER = "jdbc:postgresql://" + RequiredServiceCheck.address("postgresql") + "/test";
    private static final String USER = "postgres";

    private final String schema = "quorum_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Database database;
    private Database elsewhereDatabase;
    private Journal elsewhere;

    @Override
    protected Journal open(ManualClock clock) {
        execute("CREATE SCHEMA " + schema);
        database = Database.open(SERVER + "?currentSchema=" + schema, USER, "");
        return new JdbcJournal(database, SqliteJournalTest.KEY, clock);
    }

    /** Read through a second pool on the same schema: it sees only what was committed. */
    @Override
    protected List<JournalEntry> stored(SessionId session, long uptoSeq) {
        if (elsewhere == null) {
            elsewhereDatabase = Database.open(SERVER + "?currentSchema=" + schema, USER, "");
            elsewhere = new JdbcJournal(elsewhereDatabase, SqliteJournalTest.KEY, clock);
        }
        return elsewhere.read(session, 0, (int) uptoSeq);
    }

    @Override
    protected void closeStorage() {
        if (elsewhere != null) {
            elsewhere.close();
            elsewhereDatabase.close();
        }
        database.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
