package io.quorum.server.wiring;

import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.port.DecisionFence;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.port.OrchestratorLease;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the desk talks on, and who orchestrates its sessions: the bus its settings make, and the
 * lease and fence that keep one orchestrator per session when other processes share the bus. The
 * desk closes the lease with itself.
 */
public record DeskBus(Function<BusSettings, MessageBus> factory, OrchestratorLease lease, DecisionFence fence) {
    public DeskBus {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(fence, "fence");
    }

    /** The in-process bus: the desk is alone on its sessions. */
    public static DeskBus inProcess() { return alone(InMemoryMessageBus::new); }

    /** A bus that no other desk process shares. */
    public static DeskBus alone(Function<BusSettings, MessageBus> factory) {
        return new DeskBus(factory, OrchestratorLease.SOLE, DecisionFence.SOLE);
    }
}
