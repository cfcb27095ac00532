package io.quorum.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;

/**
 * Quorum's SQL store: a connection pool on a SQLite file (the default) or a PostgreSQL database,
 * chosen by the JDBC URL, with a {@link Schema} brought up to date by Flyway when it opens.
 *
 * <p>It refuses, leaving the database as it found it: a file that is not a SQLite database; a
 * database that holds someone else's tables; a database migrated by a newer Quorum than this one.
 */
public final class Database implements AutoCloseable {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final String url;
    private final Dialect dialect;
    private final Path file;
    private final HikariDataSource pool;

    private Database(String url, Dialect dialect, Path file, HikariDataSource pool) {
        this.url = url;
        this.dialect = dialect;
        this.file = file;
        this.pool = pool;
    }

    /** The embedded default: the journal in a SQLite file, created with its directories when missing. */
    public static Database openFile(Path file) { return openFile(file, Schema.JOURNAL); }

    /** {@code schema} in a SQLite file, created with its directories when missing. */
    public static Database openFile(Path file, Schema schema) { return open(sqliteUrl(file), null, null, schema); }

    public static String sqliteUrl(Path file) { return Dialect.SQLITE.urlPrefix() + file.toAbsolutePath(); }

    /**
     * Opens the store at {@code jdbcUrl} ({@code jdbc:sqlite:/path/quorum.db} or
     * {@code jdbc:postgresql://host:5432/db?currentSchema=quorum}) and migrates its schema.
     *
     * @throws DatabaseRefusedException when the database is not one Quorum may use
     */
    public static Database open(String jdbcUrl, String user, String password) { return open(jdbcUrl, user, password, Schema.JOURNAL); }

    /** Opens {@code schema} at {@code jdbcUrl}, as {@link #open(String, String, String)} opens the journal. */
    public static Database open(String jdbcUrl, String user, String password, Schema schema) {
        Dialect dialect = Dialect.of(jdbcUrl);
        Path file = dialect == Dialect.SQLITE ? sqliteFile(jdbcUrl) : null;
        if (file != null) prepareFile(file, jdbcUrl);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("quorum-" + schema.name().toLowerCase(java.util.Locale.ROOT) + "-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        // An unreachable server fails a write within a second: the desk halts new entries and says so rather than hanging.
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", schema.durableCommits() ? "FULL" : "NORMAL");
            // A locked file fails a write within a second, so the desk notices the fault at once instead of stalling.
            config.addDataSourceProperty("busy_timeout", "1000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(4);
        } else {
            config.setMaximumPoolSize(8);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseRefusedException("cannot connect to " + redacted(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool, dialect, schema, jdbcUrl);
            return new Database(jdbcUrl, dialect, file, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DataSource dataSource() { return pool; }

    public Dialect dialect() { return dialect; }

    /** The SQLite file; empty for a server database. */
    public Optional<Path> file() { return Optional.ofNullable(file); }

    /** Where the audit key lives when none is configured: beside the SQLite file, or in the user's Quorum directory. */
    public Path defaultAuditKeyFile() {
        if (file != null) return file.resolveSibling(file.getFileName() + ".audit-key");
        return Path.of(System.getProperty("user.home"), ".quorum", "audit.key");
    }

    /**
     * Where the desk keeps the desk chain's head outside the database ({@code JournalAnchor}): beside a
     * SQLite file, or for a server database in {@code ~/.quorum}, named after the database it anchors.
     */
    public Path defaultAnchorFile() {
        if (file != null) return file.resolveSibling(file.getFileName() + ".anchor");
        String name = HexFormat.of().formatHex(sha256(redacted(url))).substring(0, 16);
        return Path.of(System.getProperty("user.home"), ".quorum", "journal-" + name + ".anchor");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override public void close() { pool.close(); }

    @Override public String toString() { return redacted(url); }

    /** The file of a {@code jdbc:sqlite:FILE[?options]} URL; refuses an in-memory or URI-form database. */
    public static Path sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring(Dialect.SQLITE.urlPrefix().length());
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith("file:")) {
            throw new IllegalArgumentException("the SQLite store needs a file path, e.g. jdbc:sqlite:/var/lib/quorum/quorum.db; was " + jdbcUrl);
        }
        return Path.of(name).toAbsolutePath();
    }

    /**
     * Refuses a file that is not SQLite, or a SQLite database that is not Quorum's, before the pool
     * opens it: the pool switches the file to WAL mode, which rewrites its header.
     */
    private static void prepareFile(Path file, String jdbcUrl) {
        try {
            if (Files.isDirectory(file)) throw new DatabaseRefusedException(file + " is a directory, not a database file");
            if (Files.exists(file) && Files.size(file) > 0) {
                byte[] header = new byte[SQLITE_HEADER.length];
                int read;
                try (InputStream in = Files.newInputStream(file)) {
                    read = in.readNBytes(header, 0, header.length);
                }
                if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                    throw new DatabaseRefusedException(file + " is not a SQLite database (it may belong to another program, or be damaged); "
                            + "Quorum will not open or change it. Point Quorum at another file.");
                }
                SQLiteConfig readOnly = new SQLiteConfig();
                readOnly.setReadOnly(true);
                try (Connection connection = DriverManager.getConnection(jdbcUrl, readOnly.toProperties())) {
                    refuseForeignTables(connection, jdbcUrl);
                }
            }
            Path parent = file.getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException | SQLException e) {
            throw new DatabaseRefusedException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect, Schema schema, String url) {
        if (dialect != Dialect.SQLITE) {
            try (Connection connection = dataSource.getConnection()) {
                refuseForeignTables(connection, url);
            } catch (SQLException e) {
                throw new DatabaseRefusedException("cannot read the database " + redacted(url) + ": " + e.getMessage(), e);
            }
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(schema.migrations(dialect))
                .table(schema.historyTable())
                // A schema that lives beside another in one database finds that one's tables there:
                // it starts its own history at version 0 instead of refusing them.
                .baselineOnMigrate(schema.sharesDatabase())
                .baselineVersion("0")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
        refuseNewerSchema(flyway, url);
        flyway.migrate();
    }

    private static void refuseNewerSchema(Flyway flyway, String url) {
        MigrationVersion known = MigrationVersion.EMPTY;
        MigrationInfo newest = null;
        for (MigrationInfo migration : flyway.info().all()) {
            MigrationState state = migration.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                if (newest == null || migration.getVersion().isNewerThan(newest.getVersion().getVersion())) newest = migration;
            } else if (migration.getVersion() != null && migration.getVersion().isNewerThan(known.getVersion())) {
                known = migration.getVersion();
            }
        }
        if (newest != null) {
            throw new DatabaseRefusedException("the database " + redacted(url) + " has schema version " + newest.getVersion()
                    + " (\"" + newest.getDescription() + "\"), written by a newer Quorum; this Quorum knows versions up to " + known
                    + ". Run the newer Quorum, or restore a backup made for this version. Nothing was changed.");
        }
    }

    /** A database with tables but no Quorum migration history is someone else's: never build on top of it. */
    private static void refuseForeignTables(Connection connection, String url) throws SQLException {
        boolean hasHistory = false;
        String foreign = null;
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (Schema.isHistoryTable(name)) hasHistory = true;
                else if (foreign == null) foreign = name;
            }
        }
        if (foreign != null && !hasHistory) {
            throw new DatabaseRefusedException("the database " + redacted(url) + " already holds tables that are not Quorum's (e.g. "
                    + foreign + "); Quorum will not change it. Point Quorum at a new file or an empty schema.");
        }
    }

    /** {@code url} with its password, if any, masked: what may be printed or logged. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return Objects.toString(root.getMessage(), root.getClass().getSimpleName());
    }
}
