package io.quorum.server.cli;

import io.quorum.adapters.config.ConfigError;
import io.quorum.adapters.config.ConfigResult;
import io.quorum.adapters.config.ConfiguredBroker;
import io.quorum.adapters.config.ConfiguredFeeds;
import io.quorum.adapters.config.QuorumConfig;
import io.quorum.adapters.config.QuorumConfigLoader;
import io.quorum.adapters.llm.Reasoners;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.wiring.BrokerChoice;
import io.quorum.server.wiring.DeskBus;
import io.quorum.server.wiring.EmbeddedDesk;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which market a command runs the desk on: the configuration file ({@code --config FILE}, else
 * {@code $QUORUM_CONFIG}, else {@code ./quorum.yml} when there is one) with the environment's
 * overrides, and the simulated market's {@code --seed} and {@code --speed}, which win over the
 * file's when given. With no file at all it is the simulated market: no key, no network.
 */
public final class DeskMarketOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: $QUORUM_CONFIG, else ./quorum.yml if there is one, else the simulated market).")
    Path config;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated market: the same seed gives the same prices and news (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", defaultValue = "60", description = "Market seconds per wall second on the simulated market (default: ${DEFAULT-VALUE}: an hour a minute).")
    double speed;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /** The configuration, with the environment's overrides; an invalid one stops the command with every error, one per line. */
    QuorumConfig configuration(Map<String, String> environment) { return configuration(config, environment); }

    /** The configuration {@code file} names (null: $QUORUM_CONFIG, else ./quorum.yml, else the defaults), read as {@code serve} reads it. */
    static QuorumConfig configuration(Path file, Map<String, String> environment) {
        if (file != null && !file.toFile().isFile()) throw new CommandFailure("no configuration file at " + file.toAbsolutePath());
        Path workingDirectory = Path.of("").toAbsolutePath();
        return switch (QuorumConfigLoader.load(Optional.ofNullable(file), environment, workingDirectory)) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new CommandFailure("the configuration is not valid (quorum config check says the same):\n  "
                    + invalid.errors().stream().map(ConfigError::message).collect(Collectors.joining("\n  ")));
        };
    }

    /** The desk's own settings for this configuration. */
    static DeskSettings deskSettings(QuorumConfig config) {
        return DeskSettings.defaults().withStaleFeedAfter(config.market().staleAfter()).withRisk(config.risk());
    }

    /**
     * The desk on the configured market and the journal at {@code journalUrl} (null: a temporary
     * journal). Feeds that refuse to open (a CSV file with bad rows) stop the command with their problems.
     */
    EmbeddedDesk open(QuorumConfig config, Map<String, String> environment, String journalUrl, Path brokerFile, DeskBus bus) {
        DeskSettings settings = deskSettings(config);
        Reasoner reasoner = reasoner(config, environment);
        if (config.market().provider() == QuorumConfig.MarketProvider.SIMULATED) {
            long seed = seed(config);
            double speed = speed(config);
            if (journalUrl == null && reasoner == Reasoner.RULES_ONLY) return new EmbeddedDesk(seed, speed, null, brokerFile, settings, bus);
            if (journalUrl == null) throw new CommandFailure("a desk whose agents ask a language model keeps its journal, where each call is recorded: give --db FILE or a JDBC URL");
            return EmbeddedDesk.onJournal(journalUrl, seed, speed, brokerFile, settings, reasoner, bus);
        }
        if (journalUrl == null) throw new CommandFailure("a desk on real market data keeps its journal: give --db FILE or a JDBC URL");
        BrokerChoice broker = broker(config, environment, brokerFile);
        return switch (ConfiguredFeeds.open(config, SystemClock.INSTANCE, environment)) {
            case ConfiguredFeeds.Feeds feeds -> EmbeddedDesk.onFeeds(journalUrl, feeds, broker, settings, reasoner, bus);
            case ConfiguredFeeds.Refused refused -> {
                if (broker instanceof BrokerChoice.Venue venue && venue.broker() instanceof AutoCloseable opened) closeQuietly(opened);
                throw new CommandFailure("the market data cannot be opened:\n  " + String.join("\n  ", refused.problems()));
            }
        };
    }

    /** The configured broker: the paper one in {@code brokerFile}, or the Alpaca account, whose missing keys stop the command. */
    private static BrokerChoice broker(QuorumConfig config, Map<String, String> environment, Path brokerFile) {
        return switch (ConfiguredBroker.open(config, SystemClock.INSTANCE, environment)) {
            case ConfiguredBroker.Paper paper -> new BrokerChoice.Paper(brokerFile);
            case ConfiguredBroker.Alpaca alpaca -> new BrokerChoice.Venue(alpaca.broker());
            case ConfiguredBroker.Refused refused -> throw new CommandFailure("the broker cannot be opened: " + refused.problem());
        };
    }

    private static void closeQuietly(AutoCloseable opened) {
        try {
            opened.close();
        } catch (Exception ignored) {
            // the broker's threads are daemons: nothing outlives the command that failed
        }
    }

    /** The rules alone without an {@code llm} section; a model's missing key stops the command, naming its variable. */
    private static Reasoner reasoner(QuorumConfig config, Map<String, String> environment) {
        try {
            return Reasoners.fromConfig(config.llm(), environment, SystemClock.INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    /** One line on where the desk's prices and news come from. */
    String describe(QuorumConfig config) {
        QuorumConfig.Market market = config.market();
        String news = switch (config.news().provider()) {
            case SIMULATED -> "simulated news";
            case RSS -> "RSS news";
            case ALPACA -> "Alpaca news";
            case NONE -> "no news";
        };
        return switch (market.provider()) {
            case SIMULATED -> "Simulated market: seed " + seed(config) + ", " + speed(config) + "x, " + news;
            case YAHOO -> "Market: Yahoo Finance " + market.tickers() + " and any ticker it knows, " + news;
            case ALPACA -> "Market: Alpaca (" + config.alpaca().settings().feed() + " feed) " + market.tickers() + ", " + news;
            case CSV -> "Market: CSV replay " + market.csv().files().stream().map(file -> file.ticker().symbol()).toList() + ", " + news;
        } + "; " + ConfiguredBroker.describe(config.broker());
    }

    long seed(QuorumConfig config) { return given("--seed") ? seed : config.market().simulated().seed(); }

    /** The simulated market's speed; a --speed out of range is refused with the usage. */
    double speed(QuorumConfig config) {
        if (!given("--speed")) return config.market().simulated().speed();
        if (speed <= 0 || speed > 100_000) throw new CommandLine.ParameterException(command.commandLine(), "--speed must be in (0, 100000], was " + speed);
        return speed;
    }

    private boolean given(String option) {
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }
}
