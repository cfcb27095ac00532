package io.quorum.bench.server;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.server.api.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * Baseline: the same events to the same number of consumers in the same process, one
 * {@link ArrayBlockingQueue} and one thread per consumer, no serialisation and no network. The
 * queue holds as many events as a client stream's queue does.
 */
final class QueueFanOut implements FanOut {
    private static final int CAPACITY = 1024;

    private final List<ArrayBlockingQueue<StreamEvent>> queues = new ArrayList<>();
    private final List<Thread> consumers = new ArrayList<>();
    private final List<LatencyRecorder> recorders = new ArrayList<>();
    private final LongAdder refused = new LongAdder();

    QueueFanOut(PacedLoad load, int consumerCount, ThreadFactory threads) {
        for (int i = 0; i < consumerCount; i++) {
            ArrayBlockingQueue<StreamEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
            LatencyRecorder recorder = new LatencyRecorder(load);
            queues.add(queue);
            recorders.add(recorder);
            Thread consumer = threads.newThread(() -> drain(queue, recorder));
            consumers.add(consumer);
            consumer.start();
        }
    }

    @Override public void send(StreamEvent event) {
        for (int i = 0; i < queues.size(); i++) {
            if (!queues.get(i).offer(event)) refused.increment();
        }
    }

    @Override public List<LatencyRecorder> recorders() { return recorders; }

    @Override public List<String> faults() {
        return refused.sum() == 0 ? List.of() : List.of(refused.sum() + " refused by a full queue");
    }

    @Override public void close() {
        for (Thread consumer : consumers) consumer.interrupt();
    }

    private static void drain(ArrayBlockingQueue<StreamEvent> queue, LatencyRecorder recorder) {
        try {
            while (true) recorder.arrived(((Probe) queue.take().data()).index());
        } catch (InterruptedException stop) {
            // closed
        }
    }
}
