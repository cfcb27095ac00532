package io.quorum.adapters.redis;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link RedisMessageBus#health()} found: whether Redis answers, and each consumer of the
 * sessions this bus serves, that is each agent process (or in-process subscriber) of each role.
 *
 * @param problem why Redis did not answer; empty when it did
 */
public record RedisBusHealth(boolean reachable, String problem, List<ConsumerHealth> consumers) {
    public RedisBusHealth {
        consumers = List.copyOf(consumers);
    }

    /**
     * A consumer of a role's group: {@code UP} when it holds nothing unacknowledged, {@code LAGGING}
     * while it holds {@code pending} messages, {@code GONE} once its connection is closed (its pending
     * messages go to another replica after the claim idle time).
     */
    public enum State { UP, LAGGING, GONE }

    public record ConsumerHealth(SessionId session, AgentRole role, String consumer, long pending, State state) {}

    /** One line for the operator's log. */
    public String describe() {
        if (!reachable) return "Redis does not answer: " + problem;
        if (consumers.isEmpty()) return "Redis Streams, no consumer yet";
        return "Redis Streams; " + consumers.stream()
                .map(c -> c.role() + " " + c.consumer() + "@" + c.session().value() + " " + c.state()
                        + (c.state() == State.LAGGING ? " (" + c.pending() + " pending)" : ""))
                .collect(Collectors.joining(", "));
    }
}
