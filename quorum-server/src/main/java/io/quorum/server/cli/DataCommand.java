package io.quorum.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum data}: the price history the desk keeps beside its journal. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Works with imported price history.",
        subcommands = DataImportCommand.class)
public final class DataCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { throw new ParameterException(spec.commandLine(), "Missing required subcommand"); }
}
