package io.quorum.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum config}: the desk's configuration file. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Works with the desk's configuration file (quorum.yml).",
        subcommands = ConfigCheckCommand.class)
public final class ConfigCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { throw new ParameterException(spec.commandLine(), "Missing required subcommand"); }
}
