package io.quorum.adapters.redis;

import io.quorum.adapters.http.Backoff;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Redis bus keeps the desk's streams and how it reads them; immutable, built from
 * {@link #of(String, String)} with the {@code with...} verbs.
 *
 * @param uri           the server, {@code redis://host:port}
 * @param keyPrefix     the first part of every key the bus writes, so that several desks (or test
 *                      runs) can share one server
 * @param maxLength     about how many messages each session's stream keeps ({@code MAXLEN ~}): the
 *                      journal is the long-term record, the stream only the recent conversation
 * @param claimIdle     how long a message may stay unacknowledged with a consumer before another
 *                      consumer of the same role takes it over ({@code XAUTOCLAIM}): the consumer
 *                      is taken for dead
 * @param handledFor    how long a role remembers that it handled a message id, so that a second copy
 *                      of the same message (a publisher's retry) is ignored
 * @param readBlock     how long one read waits for new messages; a closed subscription stops within it
 * @param commandTimeout how long one command may take before it counts as failed
 * @param reconnect     delays between attempts while the server does not answer
 */
public record RedisSettings(RedisURI uri, String keyPrefix, long maxLength, Duration claimIdle, Duration handledFor,
                            Duration readBlock, Duration commandTimeout, Backoff reconnect) {
    public static final long DEFAULT_MAX_LENGTH = 100_000;
    private static final long MAX_MAX_LENGTH = 100_000_000;

    public RedisSettings {
        Objects.requireNonNull(uri, "uri");
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains(" ")) throw new IllegalArgumentException("keyPrefix: must be a word, was \"" + keyPrefix + "\"");
        if (maxLength < 1 || maxLength > MAX_MAX_LENGTH) throw new IllegalArgumentException("maxLength: must be between 1 and " + MAX_MAX_LENGTH + ", was " + maxLength);
        requirePositive(claimIdle, "claimIdle");
        requirePositive(handledFor, "handledFor");
        requirePositive(readBlock, "readBlock");
        requirePositive(commandTimeout, "commandTimeout");
        if (commandTimeout.compareTo(readBlock) <= 0) throw new IllegalArgumentException("commandTimeout: must be longer than readBlock " + readBlock + ", was " + commandTimeout);
        Objects.requireNonNull(reconnect, "reconnect");
    }

    /**
     * {@code uri} under {@code keyPrefix}: streams of about {@value #DEFAULT_MAX_LENGTH} messages,
     * a consumer silent for 10 s taken for dead, duplicates remembered for a minute, reads of 100 ms,
     * commands of 2 s, reconnection from 50 ms to 2 s.
     */
    public static RedisSettings of(String uri, String keyPrefix) {
        return new RedisSettings(RedisURI.create(uri), keyPrefix, DEFAULT_MAX_LENGTH, Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofMillis(100), Duration.ofSeconds(2), Backoff.of(Duration.ofMillis(50), Duration.ofSeconds(2)));
    }

    public RedisSettings withMaxLength(long length) {
        return new RedisSettings(uri, keyPrefix, length, claimIdle, handledFor, readBlock, commandTimeout, reconnect);
    }

    public RedisSettings withClaimIdle(Duration idle) {
        return new RedisSettings(uri, keyPrefix, maxLength, idle, handledFor, readBlock, commandTimeout, reconnect);
    }

    public RedisSettings withHandledFor(Duration remembered) {
        return new RedisSettings(uri, keyPrefix, maxLength, claimIdle, remembered, readBlock, commandTimeout, reconnect);
    }

    /**
     * A client for this server that reconnects by itself; while the server is away a command fails
     * at once (its caller hears of it, a reader backs off), and one that takes longer than
     * {@code commandTimeout} fails too.
     */
    RedisClient newClient() {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        return client;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) throw new IllegalArgumentException(name + ": must be positive, was " + duration);
    }
}
