package io.quorum.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of the simulated market, shared by every command that runs the desk on it. */
public final class SimulatedMarketOptions {
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated market: the same seed gives the same prices and news (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", defaultValue = "60", description = "Market seconds per wall second (default: ${DEFAULT-VALUE}: an hour a minute).")
    double speed;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** The speed, refused with the usage when it is out of range. */
    double speed() {
        if (speed <= 0 || speed > 100_000) throw new CommandLine.ParameterException(command.commandLine(), "--speed must be in (0, 100000], was " + speed);
        return speed;
    }

    long seed() { return seed; }
}
