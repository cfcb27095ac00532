package io.quorum.server.cli;

import io.quorum.adapters.jdbc.Database;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the journal of a command's {@code --db} lives: a SQLite file, given as a path or as
 * {@code jdbc:sqlite:FILE}, or a PostgreSQL database ({@code jdbc:postgresql://host:5432/db?user=…}).
 * Anything else is refused with one line, before anything is opened or created: a URL of another
 * database, or a PostgreSQL address without its {@code jdbc:} prefix, is never taken for a file name.
 */
record JournalLocation(String jdbcUrl, Optional<Path> file) {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final String EXAMPLE = "a file (./data/quorum.db), jdbc:sqlite:FILE or jdbc:postgresql://host:5432/db?user=…";

    /** The journal at {@code text}, or at {@code defaultFile} when none was given. */
    static JournalLocation parse(String text, Path defaultFile) {
        if (text == null || text.isBlank()) return ofFile(defaultFile);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE)) {
            try {
                return new JournalLocation(text, Optional.of(Database.sqliteFile(text)));
            } catch (IllegalArgumentException noFile) {
                throw new CommandFailure("--db: " + text + " names no file; give " + EXAMPLE);
            }
        }
        if (lower.startsWith(POSTGRESQL)) return new JournalLocation(text, Optional.empty());
        if (lower.startsWith("jdbc:")) {
            throw new CommandFailure("--db: " + text + " is not a database Quorum keeps its journal in; give " + EXAMPLE);
        }
        if (lower.startsWith("postgres:") || lower.startsWith("postgresql:") || lower.contains("://")) {
            throw new CommandFailure("--db: " + text + " looks like a URL, not a file; for PostgreSQL write jdbc:postgresql://…, or give " + EXAMPLE);
        }
        return ofFile(Path.of(text));
    }

    private static JournalLocation ofFile(Path file) { return new JournalLocation(Database.sqliteUrl(file), Optional.of(file)); }

    /** For people: the file's absolute path, or the URL without its credentials. */
    String describe() { return file.map(f -> f.toAbsolutePath().toString()).orElseGet(() -> Database.redacted(jdbcUrl)); }
}
