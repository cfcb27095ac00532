package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.Range;
import io.quorum.adapters.redis.RedisTestServer;
import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.message.AgentRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum serve --bus redis://…}: the desk's conversation goes through Redis Streams, and the desk trades as it does in one process. */
@RequiresService("redis")
class ServeOnRedisTest {
    private static final String TOKEN = "serve-on-redis-test-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RedisTestServer redis = new RedisTestServer();

    @TempDir Path directory;

    @AfterEach void cleanUp() { redis.close(); }

    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    @Test void a_desk_on_redis_votes_through_the_streams_and_opens_a_position() throws Exception {
        String prefix = redis.freshPrefix();
        try (ServeProcess serve = ServeProcess.start(TOKEN, directory.resolve("stderr.txt"), Map.of(),
                "--db", directory.resolve("quorum.db").toString(), "--broker-db", directory.resolve("broker.db").toString(), "--speed", "600",
                "--bus", RedisTestServer.uri(), "--bus-prefix", prefix)) {
            String id = serve.call("POST", "/api/sessions", "{\"ticker\":\"AAPL\"}").path("id").asText();
            await().atMost(PATIENCE).until(() -> serve.call("GET", "/api/sessions/" + id, null).path("state").asText().equals("PROPOSAL"));
            String proposal = serve.call("GET", "/api/sessions/" + id, null).path("proposal").path("id").asText();
            serve.call("POST", "/api/sessions/" + id + "/approve", "{\"proposalId\":\"" + proposal + "\"}");
            String version = serve.call("GET", "/api/risk-disclosure", null).path("version").asText();
            JsonNode enabled = serve.call("POST", "/api/sessions/" + id + "/auto-trading/enable", "{\"acceptedDisclosureVersion\":\"" + version + "\"}");
            assertThat(enabled.path("autoTrading").path("enabled").asBoolean()).as(enabled.toString()).isTrue();

            await().atMost(PATIENCE).until(() -> serve.call("GET", "/api/sessions/" + id + "/positions", null).path("positions").size() == 1);

            String stream = prefix + ":session:" + id + ":stream";
            assertThat(redis.commands().xlen(stream)).as("messages of the session in its stream").isGreaterThan(5);
            for (AgentRole voter : AgentRole.VOTERS) {
                assertThat(redis.commands().xinfoGroups(stream).toString()).as("the consumer groups").contains(voter.name());
            }
            assertThat(redis.commands().get(prefix + ":session:" + id + ":lease")).as("the serve process's lease of the session, its first grant")
                    .endsWith("/1");
            List<String> decisions = redis.commands().xrange(stream, Range.create("-", "+")).stream().map(entry -> entry.getBody().get("message"))
                    .filter(message -> message.contains("\"outcome\"")).toList();
            assertThat(decisions).as("the decisions, each with the grant's fencing token").isNotEmpty().allMatch(decision -> decision.contains("\"fencingToken\":1"));
            assertThat(ServeProcess.json(serve.send("GET", "/ready", null)).path("bus").asText()).as("the bus while Redis answers").isEqualTo("UP");
            assertThat(Files.readString(directory.resolve("stderr.txt"))).doesNotContain("Exception");
        }
    }
}
