package io.quorum.bench.bus;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;

/** The system under test: {@link InMemoryMessageBus}, one session, the five voters subscribed, every message to ALL. */
final class BusHop implements Hop {
    private final InMemoryMessageBus bus;
    private final AgentMessage draft;
    private final List<LatencyRecorder> recorders = new ArrayList<>();
    private final LongAdder dropped = new LongAdder();

    BusHop(PacedLoad load, AgentMessage draft, ThreadFactory mailboxThreads) {
        this.bus = new InMemoryMessageBus(BusSettings.defaults()
                .withMailboxThreads(mailboxThreads)
                .withOverflowListener((subscriber, message, policy) -> dropped.increment()));
        this.draft = draft;
        for (AgentRole role : AgentRole.VOTERS) {
            LatencyRecorder recorder = new LatencyRecorder(load);
            recorders.add(recorder);
            bus.subscribe(draft.sessionId(), role, message -> recorder.arrived((int) (message.seq() - 1)));
        }
    }

    /** The session is fresh, so message {@code index} gets seq {@code index + 1}: the consumers read the index back from it. */
    @Override public void send(int index) { bus.publish(draft); }

    @Override public List<LatencyRecorder> recorders() { return recorders; }

    @Override public long dropped() { return dropped.sum(); }

    @Override public void close() { bus.close(); }
}
