package io.quorum.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code quorum} command line as a user would (failures as {@code main} reports them), in a given environment, and keeps what it printed. */
final class QuorumCli {
    private QuorumCli() {}

    record Run(int exitCode, String out, String err) {}

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine quorum = QuorumCommand.withOneLineFailures(new CommandLine(new QuorumCommand(), new EnvironmentFactory(environment)));
        quorum.setOut(new PrintWriter(out, true));
        quorum.setErr(new PrintWriter(err, true));
        int exitCode = quorum.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Gives each command that reads the environment this one instead of the process's. */
    private record EnvironmentFactory(Map<String, String> environment) implements CommandLine.IFactory {
        @Override public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Map.class).newInstance(environment);
            } catch (NoSuchMethodException takesNoEnvironment) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
