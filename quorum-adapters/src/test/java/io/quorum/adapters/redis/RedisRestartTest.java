package io.quorum.adapters.redis;

import static io.quorum.engine.bus.SampleMessages.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisException;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis failing under a session, on a server of the test's own: killed and started again from its
 * append-only file, or paused. What Redis acknowledged survives, a publish it could not take fails
 * for its publisher, and the bus carries on by itself once Redis answers again.
 */
class RedisRestartTest {
    private static final SessionId SESSION = SessionId.of("restarted");

    @TempDir Path directory;
    private OwnRedisServer server;

    @BeforeEach void startServer() throws Exception { server = OwnRedisServer.start(directory); }

    @AfterEach void stopServer() throws Exception { server.close(); }

    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @Test void no_acknowledged_message_is_lost_when_redis_is_killed_and_restarted_mid_session() throws Exception {
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        try (RedisMessageBus bus = new RedisMessageBus(BusSettings.defaults(), RedisSettings.of(server.uri(), "restart-test"))) {
            bus.subscribe(SESSION, AgentRole.RISK, message -> handled.add(message.seq()));
            for (int i = 0; i < 100; i++) bus.publish(alert(SESSION, "before " + i));
            await().until(() -> handled.size() == 100);

            server.kill();
            assertThatThrownBy(() -> bus.publish(alert(SESSION, "while Redis is away")))
                    .as("a publish Redis cannot take fails for its publisher, never silently").isInstanceOf(RedisException.class);
            server.startAgain();

            AgentMessage first = await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> bus.publish(alert(SESSION, "after 0")), m -> true);
            for (int i = 1; i < 100; i++) bus.publish(alert(SESSION, "after " + i));

            await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 200);
            assertThat(first.seq()).as("the counter survived the restart").isEqualTo(101);
            assertThat(handled).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        }
    }

    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @Test void a_publish_that_timed_out_in_a_pause_and_was_retried_is_handled_once() throws Exception {
        List<UUID> handled = Collections.synchronizedList(new ArrayList<>());
        try (RedisMessageBus bus = new RedisMessageBus(BusSettings.defaults(), RedisSettings.of(server.uri(), "pause-test"))) {
            bus.subscribe(SESSION, AgentRole.RISK, message -> handled.add(message.id()));
            bus.publish(alert(SESSION, "before the pause"));
            await().until(() -> handled.size() == 1);

            server.pause(Duration.ofSeconds(5));
            AgentMessage vote = alert(SESSION, "sent during the pause");
            assertThatThrownBy(() -> bus.publish(vote)).as("no answer within the command timeout").isInstanceOf(RedisException.class);
            // The publisher cannot know whether Redis took it, so it sends the same message again.
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> bus.publish(vote), m -> true);
            bus.publish(alert(SESSION, "after the pause"));

            await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 3);
            await().during(Duration.ofSeconds(1)).until(() -> handled.size() == 3);
            assertThat(handled).doesNotHaveDuplicates().contains(vote.id());
            assertThat(server.streamLength(new StreamKeys("pause-test").stream(SESSION)))
                    .as("Redis carried out the timed-out publishes after the pause: the stream holds the message more than once").isGreaterThanOrEqualTo(4);
        }
    }
}
