package io.quorum.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum decisions}: the desk's decision log. */
@Command(name = "decisions", mixinStandardHelpOptions = true, description = "Reads the desk's decision log.",
        subcommands = {DecisionsExportCommand.class, DecisionsReplayCommand.class})
public final class DecisionsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { throw new ParameterException(spec.commandLine(), "Missing required subcommand"); }
}
