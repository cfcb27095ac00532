package io.quorum.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quorum} command line. Each sub-command is one way to run or inspect the desk. */
@Command(name = "quorum", mixinStandardHelpOptions = true, version = "Quorum 0.1.0",
        description = "A real-time trading desk run by five cooperating agents.",
        subcommands = {ServeCommand.class, DeskCommand.class, AuditCommand.class, DecisionsCommand.class, CommandLine.HelpCommand.class})
public final class QuorumCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new QuorumCommand()).execute(args));
    }
}
