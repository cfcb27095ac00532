package io.quorum.adapters.jdbc;

/** The SQL databases Quorum keeps its journal in, chosen by the JDBC URL. */
public enum Dialect {
    /** The embedded default: one file, WAL mode. */
    SQLITE("jdbc:sqlite:", "PRAGMA synchronous = FULL", "PRAGMA synchronous = NORMAL"),
    POSTGRESQL("jdbc:postgresql:", "SET synchronous_commit TO on", "SET synchronous_commit TO off");

    private final String urlPrefix;
    private final String durableCommits;
    private final String lazyCommits;

    Dialect(String urlPrefix, String durableCommits, String lazyCommits) {
        this.urlPrefix = urlPrefix;
        this.durableCommits = durableCommits;
        this.lazyCommits = lazyCommits;
    }

    public static Dialect of(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(dialect.urlPrefix)) return dialect;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl + " (expected jdbc:sqlite:<file> or jdbc:postgresql://host/db)");
    }

    String urlPrefix() { return urlPrefix; }

    /**
     * The statement that makes the connection's following commits wait for stable storage, or not.
     * A durable commit also makes every earlier lazy commit durable: both SQLite's WAL and
     * PostgreSQL's WAL are flushed in order. That is what lets ordinary events be cheap while an
     * order intention is on disk before the order is sent.
     */
    String commitMode(boolean durable) { return durable ? durableCommits : lazyCommits; }
}
