package io.quorum.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quorum} command line. Each sub-command is one way to run or inspect the desk. */
@Command(name = "quorum", mixinStandardHelpOptions = true, version = "Quorum 0.1.0",
        description = "A real-time trading desk run by five cooperating agents.",
        subcommands = {ServeCommand.class, DeskCommand.class, BacktestCommand.class, AuditCommand.class, DecisionsCommand.class, RiskCommand.class, ConfigCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class QuorumCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--log-format", scope = CommandLine.ScopeType.INHERIT, paramLabel = "text|json",
            description = "How the logs on standard error look: text (default) or json, one object a line.")
    void logFormat(LogFormat format) {
        format.apply();
    }

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with one rule for failures the user can act on — a database that is not
     * Quorum's, a port already taken, a refused address — : one line on standard error and exit 2,
     * no stack trace. Anything else is a bug and keeps its stack trace.
     */
    static CommandLine commandLine() {
        return withOneLineFailures(new CommandLine(new QuorumCommand()));
    }

    static CommandLine withOneLineFailures(CommandLine line) {
        line.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (!isOperational(e)) throw e;
            cl.getErr().println("quorum: " + e.getMessage());
            return 2;
        });
        return line;
    }

    private static boolean isOperational(Exception e) {
        return e instanceof io.quorum.adapters.jdbc.DatabaseRefusedException
                || e instanceof io.quorum.adapters.jdbc.JournalStorageException
                || e instanceof CommandFailure
                || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException
                || e.getCause() instanceof java.net.BindException;
    }
}
