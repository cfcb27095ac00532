package io.quorum.adapters.redis;

import static io.quorum.engine.bus.SampleMessages.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.KillArgs;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.Mailbox;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the Redis bus adds to the contract: several processes on one session, copies, dead consumers, cut connections. */
@RequiresService("redis")
class RedisMessageBusTest {
    private static final SessionId SESSION = SessionId.of("redis-session");
    private static final Duration QUICK_CLAIM = Duration.ofMillis(300);

    private static RedisTestServer redis;
    private final List<RedisMessageBus> buses = new ArrayList<>();

    @BeforeAll static void connect() { redis = new RedisTestServer(); }

    @AfterAll static void cleanUp() { redis.close(); }

    @AfterEach void closeBuses() { buses.forEach(RedisMessageBus::close); }

    @Test
    void every_message_delivered_twice_has_its_effect_once() {
        RedisSettings settings = redis.freshSettings();
        RedisMessageBus bus = bus(BusSettings.defaults(), settings);
        Map<UUID, AtomicInteger> effects = new ConcurrentHashMap<>();
        bus.subscribe(SESSION, AgentRole.RISK, message -> effects.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet());

        List<AgentMessage> published = publish(bus, 50);
        String stream = new StreamKeys(settings.keyPrefix()).stream(SESSION);
        List<StreamMessage<String, String>> entries = redis.commands().xrange(stream, Range.create("-", "+"));
        for (StreamMessage<String, String> entry : entries) redis.commands().xadd(stream, entry.getBody());

        await().until(() -> pending(stream, AgentRole.RISK) == 0 && redis.commands().xlen(stream) == 100 && effects.size() == 50);
        assertThat(effects.keySet()).containsExactlyInAnyOrderElementsOf(published.stream().map(AgentMessage::id).toList());
        assertThat(effects.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void a_copy_of_a_handled_message_is_ignored_by_every_replica_of_the_role() {
        RedisSettings settings = redis.freshSettings();
        List<AgentMessage> handled = new CopyOnWriteArrayList<>();
        bus(BusSettings.defaults(), settings).subscribe(SESSION, AgentRole.RISK, handled::add);
        bus(BusSettings.defaults(), settings).subscribe(SESSION, AgentRole.RISK, handled::add);

        publish(buses.get(0), 40);
        await().until(() -> handled.size() == 40);
        String stream = new StreamKeys(settings.keyPrefix()).stream(SESSION);
        for (StreamMessage<String, String> entry : redis.commands().xrange(stream, Range.create("-", "+"))) {
            redis.commands().xadd(stream, entry.getBody());
        }

        await().until(() -> pending(stream, AgentRole.RISK) == 0 && redis.commands().xlen(stream) == 80);
        assertThat(handled).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void replicas_of_a_role_share_its_group_and_one_of_them_handles_each_message() {
        RedisSettings settings = redis.freshSettings();
        List<Long> first = new CopyOnWriteArrayList<>();
        List<Long> second = new CopyOnWriteArrayList<>();
        bus(BusSettings.defaults(), settings).subscribe(SESSION, AgentRole.RISK, message -> first.add(message.seq()));
        bus(BusSettings.defaults(), settings).subscribe(SESSION, AgentRole.RISK, message -> second.add(message.seq()));

        publish(buses.get(0), 200);

        await().until(() -> first.size() + second.size() == 200);
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(second).isNotEmpty();
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).containsExactlyInAnyOrderElementsOf(seqsUpTo(200));
    }

    @Test
    void pending_messages_of_a_dead_consumer_are_taken_over_by_a_live_one() {
        RedisSettings settings = redis.freshSettings().withClaimIdle(QUICK_CLAIM);
        RedisMessageBus publisher = bus(BusSettings.defaults(), settings);
        String stream = new StreamKeys(settings.keyPrefix()).stream(SESSION);
        RedisCommands<String, String> commands = redis.commands();
        commands.xgroupCreate(XReadArgs.StreamOffset.latest(stream), AgentRole.RISK.name(), XGroupCreateArgs.Builder.mkstream());
        publish(publisher, 10);
        // A replica that read everything and died before acknowledging anything.
        assertThat(commands.xreadgroup(Consumer.from(AgentRole.RISK.name(), "dead-replica"), XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.lastConsumed(stream))).hasSize(10);

        List<Long> handled = new CopyOnWriteArrayList<>();
        bus(BusSettings.defaults(), settings).subscribe(SESSION, AgentRole.RISK, message -> handled.add(message.seq()));

        await().until(() -> handled.size() == 10 && pending(stream, AgentRole.RISK) == 0);
        assertThat(handled).containsExactlyElementsOf(seqsUpTo(10));
    }

    @Test
    void a_consumer_whose_connection_is_killed_rejoins_and_handles_nothing_twice() {
        RedisSettings settings = redis.freshSettings().withClaimIdle(QUICK_CLAIM);
        RedisMessageBus bus = bus(BusSettings.defaults(), settings);
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        Mailbox risk = bus.subscribe(SESSION, AgentRole.RISK, message -> handled.add(message.seq()));

        publish(bus, 100);
        await().until(() -> handled.size() == 100);
        killConnection(bus.connectionName(risk.subscriber()));
        publish(bus, 100);

        String stream = new StreamKeys(settings.keyPrefix()).stream(SESSION);
        await().until(() -> handled.size() >= 200 && pending(stream, AgentRole.RISK) == 0);
        assertThat(handled).containsExactlyElementsOf(seqsUpTo(200));
    }

    @Test
    void a_subscription_closed_after_its_handler_returned_leaves_nothing_pending() {
        RedisSettings settings = redis.freshSettings();
        RedisMessageBus bus = bus(BusSettings.defaults(), settings);
        List<Long> handled = new CopyOnWriteArrayList<>();
        Mailbox risk = bus.subscribe(SESSION, AgentRole.RISK, message -> handled.add(message.seq()));

        publish(bus, 20);
        await().until(() -> handled.size() == 20);
        risk.close();

        String stream = new StreamKeys(settings.keyPrefix()).stream(SESSION);
        await().until(() -> pending(stream, AgentRole.RISK) == 0);
        assertThat(handled).containsExactlyElementsOf(seqsUpTo(20));
    }

    @Test
    void two_processes_number_one_session_from_one_counter() {
        RedisSettings settings = redis.freshSettings();
        RedisMessageBus first = bus(BusSettings.defaults(), settings);
        RedisMessageBus second = bus(BusSettings.defaults(), settings);

        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seqs.add(first.publish(alert(SESSION, "from the engine " + i)).seq());
            seqs.add(second.publish(alert(SESSION, "from an agent " + i)).seq());
        }

        assertThat(seqs).containsExactlyElementsOf(seqsUpTo(20));
    }

    @Test
    void a_session_new_to_redis_goes_on_numbering_after_its_journal() {
        RedisMessageBus bus = bus(BusSettings.defaults().withLastSeqOf(session -> session.equals(SESSION) ? 41 : 0), redis.freshSettings());

        assertThat(bus.publish(alert(SESSION, "after the restart")).seq()).isEqualTo(42);
        assertThat(bus.publish(alert(SessionId.of("fresh"), "brand new")).seq()).isEqualTo(1);
    }

    @Test
    void a_journal_failure_gives_its_seq_back() {
        RedisMessageBus bus = bus(BusSettings.defaults().withJournal(message -> {
            if (message.content().text().equals("disk full")) throw new IllegalStateException("journal unavailable");
        }), redis.freshSettings());

        bus.publish(alert(SESSION, "one"));
        assertThatThrownBy(() -> bus.publish(alert(SESSION, "disk full"))).isInstanceOf(IllegalStateException.class);

        assertThat(bus.publish(alert(SESSION, "two")).seq()).isEqualTo(2);
    }

    @Test
    void a_stream_keeps_about_its_max_length_and_no_more() {
        RedisSettings settings = redis.freshSettings().withMaxLength(100);
        RedisMessageBus bus = bus(BusSettings.defaults(), settings);

        publish(bus, 1_000);

        // MAXLEN ~ trims whole nodes of the stream (100 entries each by default), so a little more may stay.
        assertThat(redis.commands().xlen(new StreamKeys(settings.keyPrefix()).stream(SESSION))).isBetween(100L, 300L);
    }

    @Test
    void health_shows_each_consumer_up_lagging_with_its_pending_count_or_gone() {
        RedisSettings settings = redis.freshSettings().withClaimIdle(QUICK_CLAIM);
        RedisMessageBus bus = bus(BusSettings.defaults(), settings);
        String stream = new StreamKeys(settings.keyPrefix()).stream(SESSION);
        CountDownLatch stuck = new CountDownLatch(1);
        bus.subscribe(SESSION, AgentRole.RISK, message -> awaitQuietly(stuck));
        bus.subscribe(SESSION, AgentRole.TECHNICAL, message -> { });
        redis.commands().xgroupCreate(XReadArgs.StreamOffset.latest(stream), AgentRole.EXECUTION.name(), XGroupCreateArgs.Builder.mkstream());
        publish(bus, 3);
        // An Execution process that read its messages and stopped reading.
        redis.commands().xreadgroup(Consumer.from(AgentRole.EXECUTION.name(), "stopped-replica"), XReadArgs.Builder.count(10),
                XReadArgs.StreamOffset.lastConsumed(stream));

        try {
            await().untilAsserted(() -> {
                RedisBusHealth health = bus.health();
                assertThat(health.reachable()).isTrue();
                assertThat(consumerOf(health, AgentRole.RISK)).satisfies(risk -> {
                    assertThat(risk.state()).isEqualTo(RedisBusHealth.State.LAGGING);
                    assertThat(risk.pending()).isEqualTo(3);
                });
                assertThat(consumerOf(health, AgentRole.TECHNICAL).state()).isEqualTo(RedisBusHealth.State.UP);
                assertThat(consumerOf(health, AgentRole.EXECUTION).state()).isEqualTo(RedisBusHealth.State.GONE);
                assertThat(health.describe()).contains("RISK", "LAGGING (3 pending)", "EXECUTION stopped-replica");
            });
        } finally {
            stuck.countDown();
        }
    }

    // --- helpers ---

    private static RedisBusHealth.ConsumerHealth consumerOf(RedisBusHealth health, AgentRole role) {
        return health.consumers().stream().filter(c -> c.role() == role).findFirst().orElseThrow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private RedisMessageBus bus(BusSettings settings, RedisSettings redisSettings) {
        RedisMessageBus bus = new RedisMessageBus(settings, redisSettings);
        buses.add(bus);
        return bus;
    }

    private static List<AgentMessage> publish(RedisMessageBus bus, int count) {
        List<AgentMessage> published = new ArrayList<>();
        for (int i = 0; i < count; i++) published.add(bus.publish(alert(SESSION, "tick " + i)));
        return published;
    }

    private static long pending(String stream, AgentRole role) {
        return redis.commands().xpending(stream, role.name()).getCount();
    }

    private static void killConnection(String name) {
        for (String client : redis.commands().clientList().split("\n")) {
            if (client.contains(" name=" + name + " ")) {
                String id = client.substring(client.indexOf("id=") + 3, client.indexOf(' '));
                assertThat(redis.commands().clientKill(KillArgs.Builder.id(Long.parseLong(id)))).isEqualTo(1);
                return;
            }
        }
        throw new AssertionError("no connection named " + name);
    }

    private static List<Long> seqsUpTo(int last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }
}
