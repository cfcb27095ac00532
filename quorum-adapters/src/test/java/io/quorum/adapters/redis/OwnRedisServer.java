package io.quorum.adapters.redis;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of a test's own, on a free port, writing every command to its append-only
 * file before answering ({@code appendfsync always}): a test may kill it, start it again or pause
 * it without disturbing anyone else's Redis.
 */
final class OwnRedisServer implements AutoCloseable {
    private final Path directory;
    private final int port;
    private Process process;

    private OwnRedisServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts a server keeping its files in {@code directory}, and waits until it answers. */
    static OwnRedisServer start(Path directory) throws IOException {
        OwnRedisServer server = new OwnRedisServer(directory, freePort());
        server.startAgain();
        return server;
    }

    String uri() { return "redis://127.0.0.1:" + port; }

    /** Kills the server at once, as a crash would: no shutdown, no last save. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    /** Starts the server again on the same port and files, and waits until it answers. */
    void startAgain() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", directory.toString(),
                "--appendonly", "yes", "--appendfsync", "always", "--save", "")
                .redirectOutput(directory.resolve("redis-" + port + ".log").toFile()).redirectErrorStream(true).start();
        RedisClient client = RedisClient.create(uri());
        try {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                try (StatefulRedisConnection<String, String> connection = client.connect()) {
                    return "PONG".equals(connection.sync().ping());
                }
            });
        } finally {
            client.shutdown();
        }
    }

    /** Holds every other client's commands for {@code pause} ({@code CLIENT PAUSE}); they run when it ends. */
    void pause(Duration pause) {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().clientPause(pause.toMillis());
        } finally {
            client.shutdown();
        }
    }

    /** How many entries the stream {@code key} holds now. */
    long streamLength(String key) {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().xlen(key);
        } finally {
            client.shutdown();
        }
    }

    @Override public void close() throws InterruptedException {
        if (process != null) kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
