package io.quorum.server.cli;

import io.quorum.adapters.json.JournalEventJson;
import io.quorum.adapters.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds the first journal entry that cannot be read back, so that a desk which cannot replay its
 * journal refuses to start with one line naming the entry instead of a stack trace. Reads every
 * row once, in session and seq order; it runs only after a start has already failed.
 */
final class UnreadableEntry {
    private static final String SELECT_ALL = "SELECT session_id, seq, type, payload FROM journal_entry ORDER BY session_id, seq";
    private static final int LONGEST_REASON = 200;

    private UnreadableEntry() {}

    /** The line that names the first entry no decoder accepts, or empty when every entry reads back. */
    static Optional<String> in(Database database, String where) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_ALL);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String session = row.getString(1);
                long seq = row.getLong(2);
                try {
                    JournalEventJson.decode(row.getString(3), row.getString(4));
                } catch (RuntimeException unreadable) {
                    return Optional.of("journal entry " + seq + " of session " + session + " cannot be read back (" + shorten(unreadable.getMessage())
                            + "); the desk will not start on a journal it cannot replay: restore " + where + " from a backup, or move it aside to start afresh");
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String reason) {
        if (reason == null) return "no reason given";
        String oneLine = reason.replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST_REASON ? oneLine : oneLine.substring(0, LONGEST_REASON) + "…";
    }
}
