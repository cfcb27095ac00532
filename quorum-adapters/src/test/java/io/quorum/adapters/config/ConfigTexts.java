package io.quorum.adapters.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** quorum.yml texts as the tests write them, checked as the loader checks a file with no environment overrides. */
final class ConfigTexts {
    /** The repository's root, where the README and docs whose examples the tests read are. */
    static final Path REPOSITORY = Path.of(Optional.ofNullable(System.getenv("QUORUM_REPO_ROOT")).orElse(".."));

    private ConfigTexts() {}

    static ConfigResult check(String yaml) { return QuorumConfigLoader.parse(yaml, "quorum.yml", Map.of()); }

    static QuorumConfig valid(ConfigResult result) {
        assertThat(result).as(result.toString()).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    static QuorumConfig valid(String yaml) { return valid(check(yaml)); }

    /** Every error of an invalid text, one message a line. */
    static String errorsOf(String yaml) {
        ConfigResult result = check(yaml);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return String.join("\n", ((ConfigResult.Invalid) result).errors().stream().map(ConfigError::message).toList());
    }
}
