package io.quorum.server.wiring;

import io.quorum.engine.port.Broker;
import java.nio.file.Path;
import java.util.Objects;

/** Where the desk's orders go: its own paper broker, or a venue's broker opened by the configuration. */
public sealed interface BrokerChoice {

    /** The paper broker, its account in the SQLite file {@code file} (null: a temporary one); it sees every tick before the desk does. */
    record Paper(Path file) implements BrokerChoice {}

    /** A venue's broker (Alpaca); the desk closes it when it is {@link AutoCloseable}. */
    record Venue(Broker broker) implements BrokerChoice {
        public Venue { Objects.requireNonNull(broker, "broker"); }
    }
}
