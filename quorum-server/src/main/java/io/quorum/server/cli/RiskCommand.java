package io.quorum.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum risk}: the account's portfolio risk. */
@Command(name = "risk", mixinStandardHelpOptions = true, description = "Measures portfolio risk.", subcommands = RiskReportCommand.class)
public final class RiskCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { throw new ParameterException(spec.commandLine(), "Missing required subcommand"); }
}
