package io.quorum.adapters.jdbc;

/** The database cannot be used as Quorum's store, and Quorum left it untouched; the message says why and what to do. */
public final class DatabaseRefusedException extends RuntimeException {
    public DatabaseRefusedException(String message) { super(message); }

    public DatabaseRefusedException(String message, Throwable cause) { super(message, cause); }
}
