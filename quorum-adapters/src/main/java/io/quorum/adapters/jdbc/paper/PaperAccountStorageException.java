package io.quorum.adapters.jdbc.paper;

/** The paper broker's database failed to read or write; nothing of the failed change was kept. */
public final class PaperAccountStorageException extends RuntimeException {
    public PaperAccountStorageException(String message, Throwable cause) { super(message, cause); }
}
