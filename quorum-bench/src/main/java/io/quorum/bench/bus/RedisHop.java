package io.quorum.bench.bus;

import io.quorum.adapters.redis.RedisMessageBus;
import io.quorum.adapters.redis.RedisSettings;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The system under test of S3: {@link RedisMessageBus}, one session, the five voters each a consumer group, every message to ALL. */
final class RedisHop implements Hop {
    private final RedisMessageBus bus;
    private final RedisSettings settings;
    private final AgentMessage draft;
    private final List<LatencyRecorder> recorders = new ArrayList<>();
    private final LongAdder dropped = new LongAdder();

    RedisHop(PacedLoad load, AgentMessage draft, RedisSettings settings) {
        this.settings = settings;
        this.bus = new RedisMessageBus(BusSettings.defaults().withOverflowListener((subscriber, message, policy) -> dropped.increment()), settings);
        this.draft = draft;
        for (AgentRole role : AgentRole.VOTERS) {
            LatencyRecorder recorder = new LatencyRecorder(load);
            recorders.add(recorder);
            bus.subscribe(draft.sessionId(), role, message -> recorder.arrived((int) (message.seq() - 1)));
        }
    }

    /**
     * The prefix is the run's own, so message {@code index} gets seq {@code index + 1}: the consumers
     * read the index back from it. Each message is a new draft, with an id of its own: the Redis bus
     * hands a role each message id once, so the same draft sent again would count as a copy.
     */
    @Override public void send(int index) {
        bus.publish(AgentMessage.draft(draft.sessionId(), draft.sender(), draft.recipients(), draft.content(), draft.timestamp()));
    }

    @Override public List<LatencyRecorder> recorders() { return recorders; }

    @Override public long dropped() { return dropped.sum(); }

    @Override public void close() {
        bus.close();
        RedisMessageBus.deleteKeys(settings);
    }
}
