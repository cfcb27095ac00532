package io.quorum.server.cli;

import io.lettuce.core.RedisConnectionException;
import io.quorum.adapters.redis.RedisMessageBus;
import io.quorum.adapters.redis.RedisOrchestratorLease;
import io.quorum.adapters.redis.RedisSettings;
import io.quorum.server.wiring.DeskBus;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which bus the desk's agents talk on: the in-process one by default, or Redis Streams at
 * {@code --bus redis://host:port}, under {@code --bus-prefix} (so that several desks may share one
 * Redis).
 */
public final class BusOptions {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = "--bus", paramLabel = "redis://host:port",
            description = "Carry the agents' conversation on Redis Streams at this address (default: in this process).")
    String bus;

    @Option(names = "--bus-prefix", defaultValue = "quorum", paramLabel = "WORD",
            description = "First part of every Redis key the desk writes (default: ${DEFAULT-VALUE}).")
    String prefix;

    /** How long a standby waits for a serve process that died before it orchestrates the sessions itself. */
    private static final Duration LEASE_TIME_TO_LIVE = Duration.ofSeconds(10);

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec command;

    /**
     * The bus, made from the desk's settings, and on Redis the lease of each session's orchestration
     * and its fence. A --bus that is not a Redis address is refused with the usage, one that does not
     * answer with one line.
     */
    DeskBus deskBus() {
        if (bus == null) return DeskBus.inProcess();
        RedisSettings redis = redisSettings();
        RedisOrchestratorLease lease = unlessUnreachable(() -> new RedisOrchestratorLease(redis, LEASE_TIME_TO_LIVE));
        return new DeskBus(settings -> unlessUnreachable(() -> new RedisMessageBus(settings, redis)), lease, lease);
    }

    private <T> T unlessUnreachable(Supplier<T> connect) {
        try {
            return connect.get();
        } catch (RedisConnectionException unreachable) {
            throw new CommandFailure("Redis does not answer at " + bus + " (--bus): " + unreachable.getMessage());
        }
    }

    /** The Redis address and prefix, checked. */
    RedisSettings redisSettings() {
        if (bus == null || !(bus.startsWith("redis://") || bus.startsWith("rediss://"))) {
            throw new CommandLine.ParameterException(command.commandLine(), "--bus must be a Redis address, redis://host:port, was " + bus);
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new CommandLine.ParameterException(command.commandLine(), "--bus-prefix must be a word of letters, digits, '.', '_' or '-' (at most 64), was " + prefix);
        }
        try {
            return RedisSettings.of(bus, prefix);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--bus: " + e.getMessage());
        }
    }

    /** One line on where the conversation goes. */
    String describe() {
        return bus == null ? "Bus: in-process" : "Bus: Redis Streams at " + bus + " under " + prefix + ":";
    }
}
