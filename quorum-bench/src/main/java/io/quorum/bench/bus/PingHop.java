package io.quorum.bench.bus;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import java.util.List;

/** The baseline of S3: one bare {@code PING} to the same Redis per message, its round trip recorded as the message's arrival. */
final class PingHop implements Hop {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final LatencyRecorder recorder;

    PingHop(PacedLoad load, String uri) {
        this.client = RedisClient.create(uri);
        this.connection = client.connect();
        this.redis = connection.sync();
        this.recorder = new LatencyRecorder(load);
    }

    @Override public void send(int index) {
        redis.ping();
        recorder.arrived(index);
    }

    @Override public List<LatencyRecorder> recorders() { return List.of(recorder); }

    @Override public long dropped() { return 0; }

    @Override public void close() {
        connection.close();
        client.shutdown();
    }
}
