package io.quorum.bench.consensus;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: a round's hand-offs with no protocol, one LMAX Disruptor ring per hand-off, blocking
 * waits; each ring's handler publishes the round into the next ring, the last one observes it.
 *
 * <p>Separate rings rather than one ring with dependent handlers: a handler that waits on another
 * handler spins even under {@code BlockingWaitStrategy}, and seven spinning threads on a small
 * machine would measure the machine, not the hand-offs.
 */
final class DisruptorChain implements RoundCarrier {
    private static final int RING_SIZE = 1024;

    private final List<Disruptor<Slot>> disruptors = new ArrayList<>();
    private final RingBuffer<Slot> first;
    private final LatencyRecorder observer;

    DisruptorChain(PacedLoad load, int handOffs) {
        if (handOffs < 1) throw new IllegalArgumentException("handOffs: at least one, was " + handOffs);
        this.observer = new LatencyRecorder(load);
        RingBuffer<Slot> next = null;
        // Built from the end of the chain, so each handler knows the ring it passes to.
        for (int i = handOffs - 1; i >= 0; i--) {
            Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, RING_SIZE, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, new BlockingWaitStrategy());
            RingBuffer<Slot> to = next;
            disruptor.handleEventsWith((slot, sequence, endOfBatch) -> {
                if (to == null) observer.arrived(slot.round);
                else pass(to, slot.round);
            });
            disruptors.add(disruptor);
            next = disruptor.start();
        }
        this.first = next;
    }

    @Override public void start(int index) { pass(first, index); }

    @Override public LatencyRecorder observer() { return observer; }

    /** A full ring makes its publisher wait rather than drop; at a round a millisecond it never fills. */
    @Override public List<String> faults() { return List.of(); }

    @Override public void close() {
        for (Disruptor<Slot> disruptor : disruptors) disruptor.halt();
    }

    private static void pass(RingBuffer<Slot> ring, int round) {
        long sequence = ring.next();
        ring.get(sequence).round = round;
        ring.publish(sequence);
    }

    private static final class Slot {
        int round;
    }
}
