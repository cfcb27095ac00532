package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    private final Path workingDirectory = Path.of("/srv/desk");

    @Test
    void the_default_database_is_data_quorum_db_under_the_working_directory() {
        DataFolder folder = DataFolder.from(Map.of(), workingDirectory);

        assertThat(folder.dataDir()).isEqualTo(Path.of("/srv/desk/data"));
        assertThat(folder.defaultDatabaseFile()).isEqualTo(Path.of("/srv/desk/data/quorum.db"));
    }

    @Test
    void quorum_data_dir_moves_it_absolute_or_relative_to_the_working_directory() {
        assertThat(DataFolder.from(Map.of("QUORUM_DATA_DIR", "/var/lib/quorum"), workingDirectory).defaultDatabaseFile())
                .isEqualTo(Path.of("/var/lib/quorum/quorum.db"));
        assertThat(DataFolder.from(Map.of("QUORUM_DATA_DIR", "state/"), workingDirectory).dataDir())
                .isEqualTo(Path.of("/srv/desk/state"));
    }

    @Test
    void a_blank_quorum_data_dir_counts_as_unset() {
        assertThat(DataFolder.from(Map.of("QUORUM_DATA_DIR", "  "), workingDirectory).dataDir()).isEqualTo(Path.of("/srv/desk/data"));
    }

    @Test
    void the_paper_broker_keeps_its_account_in_its_own_file_beside_the_journal() {
        assertThat(DataFolder.from(Map.of(), workingDirectory).defaultBrokerFile()).isEqualTo(Path.of("/srv/desk/data/paper-broker.db"));
        assertThat(DataFolder.brokerFileBeside(Path.of("/tmp/desk/mine.db"))).isEqualTo(Path.of("/tmp/desk/paper-broker.db"));
    }
}
