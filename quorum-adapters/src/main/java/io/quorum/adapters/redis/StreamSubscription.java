package io.quorum.adapters.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.Mailbox;
import io.quorum.engine.bus.OverflowPolicy;
import java.time.Duration;

/**
 * One subscription of the Redis bus: a thread of its own that reads the subscriber's messages from
 * its {@link StreamSource} on a connection of its own (a blocking read holds its connection), and
 * queues them in the subscriber's {@link Mailbox}, drained by the bus's shared workers like the
 * in-process bus's. When Redis does not answer, the thread waits a jittered, growing delay and
 * reads again; Lettuce reconnects underneath.
 */
final class StreamSubscription {
    private final Mailbox mailbox;
    private final StreamSource source;
    private final StatefulRedisConnection<String, String> connection;
    private final BusSettings settings;
    private final RedisSettings redis;
    private final RedisMessageBus bus;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile long readFailures;

    StreamSubscription(Mailbox mailbox, StreamSource source, StatefulRedisConnection<String, String> connection,
                       BusSettings settings, RedisSettings redis, RedisMessageBus bus) {
        this.mailbox = mailbox;
        this.source = source;
        this.connection = connection;
        this.settings = settings;
        this.redis = redis;
        this.bus = bus;
        this.reader = Thread.ofPlatform().daemon().name("redis-bus-" + mailbox.subscriber()).unstarted(this::readUntilStopped);
    }

    Mailbox mailbox() { return mailbox; }

    /** Reads that failed because Redis did not answer; each was retried after a delay. */
    long readFailures() { return readFailures; }

    void start() { reader.start(); }

    /** Ends the reads within one read block and the deliveries after the handler call in progress. */
    void stop() {
        running = false;
        mailbox.stop();
    }

    void awaitStopped(Duration wait) throws InterruptedException {
        reader.join(wait);
    }

    private void readUntilStopped() {
        int attempt = 0;
        try {
            while (running) {
                try {
                    for (StreamEntry entry : source.read(connection)) {
                        if (!running) return;
                        if (!mailbox.offer(entry.message())) overflowed(entry);
                    }
                    attempt = 0;
                } catch (RedisException failure) {
                    if (!running) return;
                    readFailures = readFailures + 1;
                    if (!paused(redis.reconnect().delay(++attempt))) return;
                }
            }
        } finally {
            finish();
        }
    }

    private void finish() {
        try {
            source.stopped(connection);
        } catch (RedisException unreachable) {
            // Redis is away: what was handled stays pending, and a replica that claims it hands it over again (at least once).
        } finally {
            connection.close();
        }
    }

    private void overflowed(StreamEntry entry) {
        OverflowPolicy policy = settings.overflowPolicy();
        if (policy == OverflowPolicy.DISCONNECT) {
            // What the laggard left unacknowledged stays pending in its role's group, for a replica to claim.
            bus.disconnect(this);
        } else {
            source.dropped(entry);
        }
        bus.countOverflow();
        settings.overflowListener().overflowed(mailbox.subscriber(), entry.message(), policy);
    }

    /** Sleeps {@code delay}; false when interrupted, which ends the reads. */
    private static boolean paused(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
