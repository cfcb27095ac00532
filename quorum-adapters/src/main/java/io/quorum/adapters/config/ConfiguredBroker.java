package io.quorum.adapters.config;

import io.quorum.adapters.alpaca.AlpacaKeys;
import io.quorum.adapters.alpaca.trading.AlpacaBroker;
import io.quorum.engine.port.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Opens the broker a configuration names: the desk's own paper broker, or an Alpaca account with the keys of the environment. */
public final class ConfiguredBroker {
    private ConfiguredBroker() {}

    /** What opening the broker gave. */
    public sealed interface Opened {}

    /** The desk's paper broker, which the desk builds itself on its own clock and file. */
    public record Paper() implements Opened {}

    /** The Alpaca account, connected; the desk closes it. */
    public record Alpaca(AlpacaBroker broker) implements Opened {
        public Alpaca { Objects.requireNonNull(broker, "broker"); }
    }

    /** Nothing was opened; the problem is a sentence for the user. */
    public record Refused(String problem) implements Opened {}

    public static Opened open(QuorumConfig config, Clock clock, Map<String, String> environment) {
        QuorumConfig.Broker broker = config.broker();
        if (broker.provider() == QuorumConfig.BrokerProvider.PAPER) return new Paper();
        Optional<AlpacaKeys> keys = ConfiguredFeeds.alpacaKeys(config.alpaca(), environment);
        if (keys.isEmpty()) return new Refused(ConfiguredFeeds.missingKeys(config.alpaca()));
        return new Alpaca(AlpacaBroker.start(broker.alpaca(), keys.get(), clock));
    }

    /** One line on where the orders go, for the start-up banner. */
    public static String describe(QuorumConfig.Broker broker) {
        return switch (broker.provider()) {
            case PAPER -> "Broker: the desk's paper broker";
            case ALPACA -> "Broker: Alpaca " + (broker.live() ? "LIVE account, real money," : "paper account") + " at " + broker.alpaca().tradingUrl();
        };
    }
}
