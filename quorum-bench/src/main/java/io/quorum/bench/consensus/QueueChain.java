package io.quorum.bench.consensus;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Baseline: a round's hand-offs with no protocol, one {@link ArrayBlockingQueue} and one platform
 * thread per hand-off; each thread passes the round on to the next queue, the last one observes it.
 */
final class QueueChain implements RoundCarrier {
    private static final int CAPACITY = 4096;

    private final List<ArrayBlockingQueue<Baton>> queues = new ArrayList<>();
    private final List<Thread> stages = new ArrayList<>();
    private final LatencyRecorder observer;
    private final LongAdder dropped = new LongAdder();

    QueueChain(PacedLoad load, int handOffs) {
        if (handOffs < 1) throw new IllegalArgumentException("handOffs: at least one, was " + handOffs);
        this.observer = new LatencyRecorder(load);
        for (int i = 0; i < handOffs; i++) queues.add(new ArrayBlockingQueue<>(CAPACITY));
        for (int i = 0; i < handOffs; i++) {
            ArrayBlockingQueue<Baton> from = queues.get(i);
            ArrayBlockingQueue<Baton> to = i + 1 < handOffs ? queues.get(i + 1) : null;
            stages.add(Thread.ofPlatform().daemon().name("queue-chain-" + i).start(() -> relay(from, to)));
        }
    }

    @Override public void start(int index) { pass(queues.get(0), new Baton(index)); }

    @Override public LatencyRecorder observer() { return observer; }

    @Override public List<String> faults() {
        return dropped.sum() == 0 ? List.of() : List.of(dropped.sum() + " hand-offs dropped");
    }

    @Override public void close() {
        for (Thread stage : stages) stage.interrupt();
    }

    /** Takes rounds from {@code from} and passes them to {@code to}, or observes them at the end of the chain ({@code to} null). */
    private void relay(ArrayBlockingQueue<Baton> from, ArrayBlockingQueue<Baton> to) {
        try {
            while (true) {
                Baton baton = from.take();
                if (to == null) observer.arrived(baton.round());
                else pass(to, baton);
            }
        } catch (InterruptedException stop) {
            // closed
        }
    }

    private void pass(ArrayBlockingQueue<Baton> to, Baton baton) {
        if (!to.offer(baton)) dropped.increment();
    }

    private record Baton(int round) {}
}
