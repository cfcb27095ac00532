package io.quorum.bench.bus;

import static io.quorum.bench.LatencyResult.format;
import static io.quorum.bench.LatencyResult.verdict;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quorum.adapters.redis.RedisSettings;
import io.quorum.bench.LatencyResult;
import io.quorum.bench.RunLength;
import io.quorum.bench.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * S3: how long a message takes from {@code publish} on the Redis bus to a subscriber's handler, at a
 * steady 1,000 messages a second to the five voters (each a consumer group of the session's
 * stream), against the round trip of a bare {@code PING} to the same Redis at the same pace in the
 * same run: the least any message over that Redis can cost. Redis is {@code $QUORUM_BENCH_REDIS},
 * or {@code redis://127.0.0.1:6379}; every key the run writes is deleted after it.
 */
public final class RedisHopLatency implements Scenario {
    private static final int MESSAGES_PER_SECOND = 1_000;
    private static final double TARGET_P99_MICROS = 1_000;
    private static final double TARGET_RATIO_TO_PING = 2;

    private final RunLength length;
    private final String uri;

    public RedisHopLatency() {
        this(RunLength.ofSeconds(MESSAGES_PER_SECOND, 2, 10, 10, 60), System.getenv().getOrDefault("QUORUM_BENCH_REDIS", "redis://127.0.0.1:6379"));
    }

    public RedisHopLatency(RunLength length, String uri) {
        this.length = length;
        this.uri = uri;
    }

    @Override public String id() { return "S3"; }

    @Override public String title() { return "Redis bus hop latency: publish to delivery over Redis Streams, 1,000 msg/s, 5 consumer groups"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        if (!answers(uri)) return List.of(new Figure(id(), "RedisMessageBus", "p99", "not measured", "Redis does not answer at " + uri));
        int warmup = length.warmup(mode);
        int measured = length.measured(mode);
        RedisSettings settings = RedisSettings.of(uri, "quorum-bench-" + UUID.randomUUID());

        LatencyResult ping = BusHopLatency.measure("Redis PING round trip", MESSAGES_PER_SECOND, warmup, measured, load -> new PingHop(load, uri));
        LatencyResult bus = BusHopLatency.measure("RedisMessageBus", MESSAGES_PER_SECOND, warmup, measured,
                load -> new RedisHop(load, BusHopLatency.SAMPLE, settings));

        List<Figure> figures = new ArrayList<>();
        double busP99 = bus.p99Micros();
        figures.addAll(bus.figures(id(), "≤ " + format(TARGET_P99_MICROS) + " µs: " + verdict(busP99 <= TARGET_P99_MICROS)));
        figures.addAll(ping.figures(id(), ""));
        double ratio = busP99 / ping.p99Micros();
        figures.add(new Figure(id(), "RedisMessageBus / PING", "p99 ratio", String.format(Locale.ROOT, "%.2f x", ratio),
                "≤ " + format(TARGET_RATIO_TO_PING) + " x: " + verdict(ratio <= TARGET_RATIO_TO_PING)));
        return figures;
    }

    private static boolean answers(String uri) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RedisException unreachable) {
            return false;
        } finally {
            client.shutdown();
        }
    }
}
