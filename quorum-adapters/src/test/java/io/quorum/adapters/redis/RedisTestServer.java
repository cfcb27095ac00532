package io.quorum.adapters.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.adapters.testing.RequiredServiceCheck;
import java.util.UUID;

/**
 * The development machine's Redis as a test run uses it: every key under a prefix of the run's own,
 * deleted when the run ends, so that runs side by side never see each other's streams.
 */
public final class RedisTestServer implements AutoCloseable {
    private final String prefixRoot = "quorum-test-" + UUID.randomUUID();
    private final RedisClient client = RedisClient.create(uri());
    private final StatefulRedisConnection<String, String> connection = client.connect();
    private int prefixes;

    public static String uri() { return "redis://" + RequiredServiceCheck.address("redis"); }

    /** A key prefix of this run that no other bus uses. */
    public synchronized String freshPrefix() { return prefixRoot + "." + (++prefixes); }

    /** Settings for one more bus of this run, under a prefix no other bus uses. */
    RedisSettings freshSettings() { return RedisSettings.of(uri(), freshPrefix()); }

    /** Plain commands, to look at what a bus wrote or to play a misbehaving client. */
    public RedisCommands<String, String> commands() { return connection.sync(); }

    @Override public synchronized void close() {
        RedisCommands<String, String> redis = connection.sync();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefixRoot + ".*").limit(500));
            if (!page.getKeys().isEmpty()) redis.del(page.getKeys().toArray(String[]::new));
            cursor = page;
        } while (!cursor.isFinished());
        connection.close();
        client.shutdown();
    }
}
