package io.quorum.server.cli;

import io.quorum.adapters.config.ConfigError;
import io.quorum.adapters.config.ConfigResult;
import io.quorum.adapters.config.QuorumConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quorum config check [--config FILE]}: reads the configuration the desk would read, with the
 * environment's overrides, and says whether it is valid. Each error names its path, what was
 * expected and an example; the exit code is 1 when there is any.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks the configuration file (--config FILE, else $QUORUM_CONFIG, else ./quorum.yml if there is one) and the environment's overrides.")
public final class ConfigCheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The file to check.")
    Path config;

    private final Map<String, String> environment;

    public ConfigCheckCommand() { this(System.getenv()); }

    ConfigCheckCommand(Map<String, String> environment) { this.environment = Objects.requireNonNull(environment, "environment"); }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (config != null && !config.toFile().isFile()) throw new CommandFailure("no configuration file at " + config.toAbsolutePath());
        Path workingDirectory = Path.of("").toAbsolutePath();
        Optional<Path> file = QuorumConfigLoader.locate(Optional.ofNullable(config), environment, workingDirectory);
        String what = file.map(f -> f.toAbsolutePath().toString()).orElse("no configuration file: the embedded defaults (a simulated market, its news, the paper broker)");
        switch (QuorumConfigLoader.load(Optional.ofNullable(config), environment, workingDirectory)) {
            case ConfigResult.Valid valid -> {
                out.println("OK: " + what + " is valid" + (valid.overrides().isEmpty() ? "" : "; from the environment: " + String.join(", ", valid.overrides())));
                out.flush();
                return ExitStatus.OK;
            }
            case ConfigResult.Invalid invalid -> {
                for (ConfigError error : invalid.errors()) err.println(error.message());
                err.println(invalid.errors().size() + (invalid.errors().size() == 1 ? " error" : " errors") + " in " + what);
                err.flush();
                return ExitStatus.FAULT_FOUND;
            }
        }
    }
}
