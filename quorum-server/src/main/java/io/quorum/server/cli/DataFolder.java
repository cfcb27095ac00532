package io.quorum.server.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the desk keeps its files when told nothing else: the directory named by
 * {@value #ENVIRONMENT_VARIABLE}, or {@code ./data} under the working directory. The embedded
 * journal is {@value #DATABASE_FILE_NAME} in it, its audit key beside it.
 */
public record DataFolder(Path dataDir) {
    public static final String ENVIRONMENT_VARIABLE = "QUORUM_DATA_DIR";
    public static final String DATABASE_FILE_NAME = "quorum.db";
    public static final String BROKER_FILE_NAME = "paper-broker.db";

    public DataFolder {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    }

    /** The data folder of this process: its environment and working directory. */
    public static DataFolder current() { return from(System.getenv(), Path.of("")); }

    public static DataFolder from(Map<String, String> environment, Path workingDirectory) {
        String configured = environment.get(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) return new DataFolder(workingDirectory.resolve(configured.strip()));
        return new DataFolder(workingDirectory.resolve("data"));
    }

    /** The SQLite file the desk journals to unless a database is configured. */
    public Path defaultDatabaseFile() { return dataDir.resolve(DATABASE_FILE_NAME); }

    /** The SQLite file the paper broker keeps its account in unless another is configured. */
    public Path defaultBrokerFile() { return dataDir.resolve(BROKER_FILE_NAME); }

    /** The broker's file that goes with a journal file chosen by hand: beside it. */
    public static Path brokerFileBeside(Path journalFile) { return journalFile.toAbsolutePath().resolveSibling(BROKER_FILE_NAME); }
}
