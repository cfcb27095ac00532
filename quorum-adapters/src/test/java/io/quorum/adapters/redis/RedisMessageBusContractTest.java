package io.quorum.adapters.redis;

import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.BusStats;
import io.quorum.engine.bus.MessageBusContract;
import io.quorum.engine.port.MessageBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

@RequiresService("redis")
class RedisMessageBusContractTest extends MessageBusContract {
    private static RedisTestServer redis;

    @BeforeAll static void connect() { redis = new RedisTestServer(); }

    @AfterAll static void cleanUp() { redis.close(); }

    @Override protected MessageBus newBus(BusSettings settings) { return new RedisMessageBus(settings, redis.freshSettings()); }

    @Override protected BusStats statsOf(MessageBus bus) { return ((RedisMessageBus) bus).stats(); }
}
