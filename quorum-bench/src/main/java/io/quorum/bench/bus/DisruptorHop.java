package io.quorum.bench.bus;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.message.AgentMessage;
import java.util.ArrayList;
import java.util.List;

/** Baseline: one LMAX Disruptor ring, one event handler per consumer, blocking waits. */
final class DisruptorHop implements Hop {
    private static final int RING_SIZE = 4096;

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final AgentMessage message;
    private final List<LatencyRecorder> recorders = new ArrayList<>();

    @SuppressWarnings("unchecked")
    DisruptorHop(PacedLoad load, AgentMessage message, int consumers) {
        this.message = message;
        this.disruptor = new Disruptor<>(Slot::new, RING_SIZE, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, new BlockingWaitStrategy());
        EventHandler<Slot>[] handlers = new EventHandler[consumers];
        for (int i = 0; i < consumers; i++) {
            LatencyRecorder recorder = new LatencyRecorder(load);
            recorders.add(recorder);
            handlers[i] = (slot, sequence, endOfBatch) -> recorder.arrived(slot.index);
        }
        disruptor.handleEventsWith(handlers);
        this.ring = disruptor.start();
    }

    @Override public void send(int index) {
        long sequence = ring.next();
        Slot slot = ring.get(sequence);
        slot.index = index;
        slot.message = message;
        ring.publish(sequence);
    }

    @Override public List<LatencyRecorder> recorders() { return recorders; }

    /** The ring makes the publisher wait rather than drop; at this rate it never fills. */
    @Override public long dropped() { return 0; }

    @Override public void close() { disruptor.halt(); }

    private static final class Slot {
        int index;
        AgentMessage message;
    }
}
