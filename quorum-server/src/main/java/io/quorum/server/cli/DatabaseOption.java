package io.quorum.server.cli;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.DatabaseRefusedException;
import io.quorum.adapters.jdbc.JournalStorageException;
import io.quorum.engine.message.MalformedMessageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --db} option of the commands that inspect a desk's journal, and the opening of that
 * database. An inspection never creates a database: a missing file is an error, not a new journal.
 */
public final class DatabaseOption {
    private static final String JDBC = "jdbc:";
    private static final String SQLITE = "jdbc:sqlite:";

    @Option(names = "--db", paramLabel = "<jdbc-url or sqlite file>",
            description = "The desk's database: a SQLite file or a JDBC URL (jdbc:sqlite:..., jdbc:postgresql://...). "
                    + "Default: quorum.db in $" + DataFolder.ENVIRONMENT_VARIABLE + ", or ./data/quorum.db.")
    String location;

    /** The work a command does with the open database; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int with(Database database);
    }

    /**
     * Opens the database, does {@code work} and closes it. A database or key that cannot be used, or a
     * journal that cannot be read, ends the command with one line on {@code err} and {@link ExitStatus#CANNOT_RUN}.
     */
    int run(Map<String, String> environment, PrintWriter err, Work work) {
        try (Database database = openExisting(environment)) {
            return work.with(database);
        } catch (CommandFailure | DatabaseRefusedException | JournalStorageException | MalformedMessageException e) {
            err.println("quorum: " + e.getMessage());
            return ExitStatus.CANNOT_RUN;
        }
    }

    private Database openExisting(Map<String, String> environment) {
        String url = url(environment);
        if (url.startsWith(SQLITE)) {
            Path file = Path.of(url.substring(SQLITE.length()).split("\\?", 2)[0]);
            if (!Files.isRegularFile(file)) throw new CommandFailure("no database at " + file.toAbsolutePath());
            if (!Files.isReadable(file)) throw new CommandFailure("cannot read the database " + file.toAbsolutePath());
        }
        try {
            return Database.open(url, null, null);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private String url(Map<String, String> environment) {
        if (location == null || location.isBlank()) return Database.sqliteUrl(DataFolder.from(environment, Path.of("")).defaultDatabaseFile());
        if (location.startsWith(JDBC)) return location;
        return Database.sqliteUrl(Path.of(location));
    }

    /**
     * The key the desk chains its journal with: {@value AuditKey#ENVIRONMENT_VARIABLE}, or the key file
     * beside the database. Never a new one: a fresh key would make an intact journal look forged.
     */
    static AuditKey existingAuditKey(Database database, Map<String, String> environment) {
        Path keyFile = database.defaultAuditKeyFile();
        String configured = environment.get(AuditKey.ENVIRONMENT_VARIABLE);
        if ((configured == null || configured.isBlank()) && !Files.exists(keyFile)) {
            throw new CommandFailure("no audit key: set " + AuditKey.ENVIRONMENT_VARIABLE + " or restore the key file " + keyFile);
        }
        try {
            return AuditKey.resolve(environment, keyFile);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailure(e.getMessage());
        }
    }
}
