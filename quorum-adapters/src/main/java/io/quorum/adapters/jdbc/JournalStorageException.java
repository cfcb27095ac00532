package io.quorum.adapters.jdbc;

/** The journal's database failed to read or write; nothing of the failed append was kept. */
public final class JournalStorageException extends RuntimeException {
    public JournalStorageException(String message, Throwable cause) { super(message, cause); }
}
