package io.quorum.adapters.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.adapters.testing.RequiredServiceCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The development machine's Redis as a test run uses it: every key under prefixes of the run's own,
 * deleted when the run ends, so that runs side by side never see each other's streams.
 */
public final class RedisTestServer implements AutoCloseable {
    private final String prefixRoot = "quorum-test-" + UUID.randomUUID();
    private final RedisClient client = RedisClient.create(uri());
    private final StatefulRedisConnection<String, String> connection = client.connect();
    private final List<String> prefixes = new ArrayList<>();

    public static String uri() { return "redis://" + RequiredServiceCheck.address("redis"); }

    /** A key prefix of this run that no other bus uses. */
    public synchronized String freshPrefix() {
        String prefix = prefixRoot + "." + (prefixes.size() + 1);
        prefixes.add(prefix);
        return prefix;
    }

    /** Settings for one more bus of this run, under a prefix no other bus uses. */
    RedisSettings freshSettings() { return RedisSettings.of(uri(), freshPrefix()); }

    /** Plain commands, to look at what a bus wrote or to play a misbehaving client. */
    public RedisCommands<String, String> commands() { return connection.sync(); }

    @Override public synchronized void close() {
        for (String prefix : prefixes) RedisMessageBus.deleteKeys(RedisSettings.of(uri(), prefix));
        connection.close();
        client.shutdown();
    }
}
