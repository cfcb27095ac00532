package io.quorum.adapters.jdbc;

import java.util.Locale;

/**
 * The sets of tables Quorum keeps, each migrated on its own with its own Flyway history, so that
 * one database file never depends on another's version. The paper broker's account is a
 * separate schema because it stands for an external broker: the desk reconciles against it.
 */
public enum Schema {
    /** The desk's session journal. Ordinary events commit lazily; order intentions durably. */
    JOURNAL("db/migration", "flyway_schema_history", false, false),
    /** The paper broker's own book: cash, orders, fills and holdings. Every commit is durable. */
    PAPER_BROKER("db/paper", "paper_flyway_schema_history", true, false),
    /** Imported price history, beside the journal in the same database. Every import commits durably. */
    MARKET_DATA("db/market", "market_flyway_schema_history", true, true);

    private final String migrationsFolder;
    private final String historyTable;
    private final boolean durableCommits;
    private final boolean sharesDatabase;

    Schema(String migrationsFolder, String historyTable, boolean durableCommits, boolean sharesDatabase) {
        this.sharesDatabase = sharesDatabase;
        this.migrationsFolder = migrationsFolder;
        this.historyTable = historyTable;
        this.durableCommits = durableCommits;
    }

    String migrations(Dialect dialect) { return "classpath:" + migrationsFolder + "/" + dialect.name().toLowerCase(Locale.ROOT); }

    String historyTable() { return historyTable; }

    /** Whether every commit waits for stable storage, rather than only the ones that ask for it. */
    boolean durableCommits() { return durableCommits; }

    /** Whether this schema lives in the journal's database, beside the journal's tables. */
    boolean sharesDatabase() { return sharesDatabase; }

    static boolean isHistoryTable(String table) {
        for (Schema schema : values()) {
            if (schema.historyTable.equalsIgnoreCase(table)) return true;
        }
        return false;
    }
}
