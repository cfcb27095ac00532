package io.quorum.adapters.redis;

import static io.quorum.engine.bus.SampleMessages.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis killed and started again under a session, on a server of the test's own that writes every
 * command to its append-only file before answering ({@code appendfsync always}): what Redis
 * acknowledged survives, and the bus carries on by itself once Redis is back.
 */
class RedisRestartTest {
    private static final SessionId SESSION = SessionId.of("restarted");

    @TempDir Path directory;
    private Process server;

    @AfterEach void stopServer() throws InterruptedException {
        if (server != null) server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @Test void no_acknowledged_message_is_lost_when_redis_is_killed_and_restarted_mid_session() throws Exception {
        int port = freePort();
        server = startRedis(port);
        RedisSettings settings = RedisSettings.of("redis://127.0.0.1:" + port, "restart-test");
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        try (RedisMessageBus bus = new RedisMessageBus(BusSettings.defaults(), settings)) {
            bus.subscribe(SESSION, AgentRole.RISK, message -> handled.add(message.seq()));
            for (int i = 0; i < 100; i++) bus.publish(alert(SESSION, "before " + i));
            await().until(() -> handled.size() == 100);

            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bus.publish(alert(SESSION, "while Redis is away")))
                    .as("a publish Redis cannot take fails for its publisher, never silently").isInstanceOf(RedisException.class);
            server = startRedis(port);

            AgentMessage first = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> bus.publish(alert(SESSION, "after 0")), m -> true);
            for (int i = 1; i < 100; i++) bus.publish(alert(SESSION, "after " + i));

            await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 200);
            assertThat(first.seq()).as("the counter survived the restart").isEqualTo(101);
            assertThat(handled).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        }
    }

    private Process startRedis(int port) throws IOException {
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", directory.toString(),
                "--appendonly", "yes", "--appendfsync", "always", "--save", "")
                .redirectOutput(directory.resolve("redis-" + port + ".log").toFile()).redirectErrorStream(true).start();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                try (StatefulRedisConnection<String, String> connection = client.connect()) {
                    return "PONG".equals(connection.sync().ping());
                }
            });
        } finally {
            client.shutdown();
        }
        return redis;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
