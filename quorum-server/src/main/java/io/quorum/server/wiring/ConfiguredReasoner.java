package io.quorum.server.wiring;

import io.quorum.adapters.config.ConfigError;
import io.quorum.adapters.config.ConfigResult;
import io.quorum.adapters.config.QuorumConfigLoader;
import io.quorum.adapters.llm.Reasoners;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.time.SystemClock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The desk's reasoner as the configuration says ({@code $QUORUM_CONFIG}, else {@code ./quorum.yml}):
 * the rules alone without an {@code llm} section. The budget's days are the wall clock's, since money
 * is spent in real time whatever the market's speed.
 */
public final class ConfiguredReasoner {
    private ConfiguredReasoner() {}

    /** @throws IllegalArgumentException when the configuration is invalid or the provider's key is missing, saying which */
    public static Reasoner of(Map<String, String> environment, Path workingDirectory) {
        return switch (QuorumConfigLoader.load(Optional.empty(), environment, workingDirectory)) {
            case ConfigResult.Valid valid -> Reasoners.fromConfig(valid.config().llm(), environment, SystemClock.INSTANCE);
            case ConfigResult.Invalid invalid -> throw new IllegalArgumentException("the configuration is not valid: "
                    + invalid.errors().stream().map(ConfigError::message).collect(Collectors.joining("; ")));
        };
    }
}
