package io.quorum.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum audit}: the audit trail's checks. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Checks the desk's audit trail.",
        subcommands = AuditVerifyCommand.class)
public final class AuditCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { throw new ParameterException(spec.commandLine(), "Missing required subcommand"); }
}
