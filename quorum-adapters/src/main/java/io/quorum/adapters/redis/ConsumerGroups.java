package io.quorum.adapters.redis;

import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the groups and consumers of a session's stream ({@code XINFO}), as the bus's health shows
 * them. Whether a consumer is still there is read from its connection, which the bus names after
 * it: a consumer's idle time cannot tell, since a quiet stream leaves a live consumer idle too.
 */
final class ConsumerGroups {
    private static final String NAME_FIELD = "name=";

    private ConsumerGroups() {}

    /** The name the bus gives the connection of {@code consumer} of {@code role} (or "observer"). */
    static String connectionName(String keyPrefix, String consumer, String role) {
        return keyPrefix + ":" + consumer + ":" + role;
    }

    /** The names of the connections open on this Redis now ({@code CLIENT LIST}). */
    static Set<String> connectionNames(RedisCommands<String, String> redis) {
        Set<String> names = new HashSet<>();
        for (String client : redis.clientList().split("\n")) {
            int start = client.indexOf(" " + NAME_FIELD);
            if (start < 0) continue;
            int from = start + 1 + NAME_FIELD.length();
            int end = client.indexOf(' ', from);
            names.add(end < 0 ? client.substring(from).trim() : client.substring(from, end));
        }
        return names;
    }

    /** Every consumer of every role's group on {@code stream}; none when the stream is not there yet. */
    static List<RedisBusHealth.ConsumerHealth> consumersOf(RedisCommands<String, String> redis, SessionId session, String stream,
                                                           String keyPrefix, Set<String> connected) {
        if (redis.exists(stream) == 0) return List.of();
        List<RedisBusHealth.ConsumerHealth> consumers = new ArrayList<>();
        for (Object group : redis.xinfoGroups(stream)) {
            AgentRole role = AgentRole.valueOf(String.valueOf(fields(group).get("name")));
            for (Object consumer : redis.xinfoConsumers(stream, role.name())) {
                Map<String, Object> info = fields(consumer);
                String name = String.valueOf(info.get("name"));
                long pending = ((Number) info.get("pending")).longValue();
                RedisBusHealth.State state = !connected.contains(connectionName(keyPrefix, name, role.name())) ? RedisBusHealth.State.GONE
                        : pending > 0 ? RedisBusHealth.State.LAGGING : RedisBusHealth.State.UP;
                consumers.add(new RedisBusHealth.ConsumerHealth(session, role, name, pending, state));
            }
        }
        return consumers;
    }

    /** XINFO answers each item as a flat list of names and values. */
    private static Map<String, Object> fields(Object item) {
        List<?> flat = (List<?>) item;
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) fields.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        return fields;
    }
}
