package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.server.cli.QuorumCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {
    @TempDir Path directory;

    @Test
    void a_valid_file_is_ok_and_says_which_file_and_which_environment_variables_changed_it() throws Exception {
        Path file = Files.writeString(directory.resolve("quorum.yml"), "market:\n  provider: simulated\n");

        Run run = QuorumCli.run(Map.of("QUORUM_MARKET_SIMULATED_SPEED", "120"), "config", "check", "--config", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("OK: " + file.toAbsolutePath() + " is valid").contains("QUORUM_MARKET_SIMULATED_SPEED");
    }

    @Test
    void every_error_names_its_path_what_was_expected_and_an_example_and_the_exit_code_is_1() throws Exception {
        Path file = Files.writeString(directory.resolve("quorum.yml"), "market:\n  provider: nasdaq-by-fax\n");

        Run run = QuorumCli.run(Map.of(), "config", "check", "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith("market.provider: ").contains("expected").contains("for example"));
        assertThat(run.err()).contains("1 error in " + file.toAbsolutePath());
    }

    @Test
    void a_file_that_is_not_there_is_one_line_and_exit_code_2() {
        Run run = QuorumCli.run(Map.of(), "config", "check", "--config", directory.resolve("missing.yml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("quorum: no configuration file at "));
    }
}
