package io.quorum.adapters.config;

import java.util.List;
import java.util.Objects;

/** A configuration read and checked: the settings, or every error found. */
public sealed interface ConfigResult {

    /** The configuration in force; {@code overrides} names the environment variables that changed it. */
    record Valid(QuorumConfig config, List<String> overrides) implements ConfigResult {
        public Valid {
            Objects.requireNonNull(config, "config");
            overrides = List.copyOf(overrides);
        }
    }

    /** Nothing may run on this configuration; each error names its path. */
    record Invalid(List<ConfigError> errors) implements ConfigResult {
        public Invalid {
            if (errors.isEmpty()) throw new IllegalArgumentException("an invalid configuration has at least one error");
            errors = List.copyOf(errors);
        }
    }
}
