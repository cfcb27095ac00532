package io.quorum.server.cli;

/** What the {@code quorum} inspection commands tell a script through their exit code. */
final class ExitStatus {
    static final int OK = 0;
    /** The command ran and found a fault, e.g. a broken journal. */
    static final int FAULT_FOUND = 1;
    /** The command could not run: bad arguments (picocli's usage code), or a database or key it cannot use. */
    static final int CANNOT_RUN = 2;

    private ExitStatus() {}
}
