package io.quorum.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {
    @TempDir Path directory;

    @Test
    void without_configuration_a_key_file_readable_only_by_its_owner_is_created_beside_the_database_and_reused() throws Exception {
        try (Database database = Database.openFile(directory.resolve("quorum.db"))) {
            Path keyFile = database.defaultAuditKeyFile();
            AuditKey created = AuditKey.resolve(Map.of(), keyFile);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            try (JdbcJournal journal = new JdbcJournal(database, created, new ManualClock(Instant.EPOCH))) {
                journal.append(SessionId.of("desk-1"), new UserAction("alice", UserAction.Action.FLATTEN, "all"));
            }
            AuditKey reread = AuditKey.resolve(Map.of(), keyFile);
            assertThat(new AuditVerifier(database, reread).verify().intact()).isTrue();
        }
    }

    @Test
    void a_configured_key_wins_and_no_file_is_written() {
        Path keyFile = directory.resolve("quorum.db.audit-key");

        AuditKey.resolve(Map.of(AuditKey.ENVIRONMENT_VARIABLE, "configured-secret-of-some-length"), keyFile);

        assertThat(keyFile).doesNotExist();
    }

    @Test
    void a_short_key_is_refused() {
        assertThatThrownBy(() -> AuditKey.resolve(Map.of(AuditKey.ENVIRONMENT_VARIABLE, "short"), directory.resolve("k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
    }
}
