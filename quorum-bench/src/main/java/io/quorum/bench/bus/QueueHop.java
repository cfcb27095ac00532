package io.quorum.bench.bus;

import io.quorum.bench.LatencyRecorder;
import io.quorum.bench.PacedLoad;
import io.quorum.engine.message.AgentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/** Baseline: the textbook design, one {@link ArrayBlockingQueue} and one platform thread per consumer. */
final class QueueHop implements Hop {
    private static final int CAPACITY = 4096;

    private final List<ArrayBlockingQueue<Delivery>> queues = new ArrayList<>();
    private final List<Thread> consumers = new ArrayList<>();
    private final List<LatencyRecorder> recorders = new ArrayList<>();
    private final AgentMessage message;
    private final LongAdder dropped = new LongAdder();

    QueueHop(PacedLoad load, AgentMessage message, int consumerCount) {
        this.message = message;
        for (int i = 0; i < consumerCount; i++) {
            ArrayBlockingQueue<Delivery> queue = new ArrayBlockingQueue<>(CAPACITY);
            LatencyRecorder recorder = new LatencyRecorder(load);
            queues.add(queue);
            recorders.add(recorder);
            consumers.add(Thread.ofPlatform().daemon().name("queue-consumer-" + i).start(() -> drain(queue, recorder)));
        }
    }

    @Override public void send(int index) {
        Delivery delivery = new Delivery(index, message);
        for (int i = 0; i < queues.size(); i++) {
            if (!queues.get(i).offer(delivery)) dropped.increment();
        }
    }

    @Override public List<LatencyRecorder> recorders() { return recorders; }

    @Override public long dropped() { return dropped.sum(); }

    @Override public void close() {
        for (Thread consumer : consumers) consumer.interrupt();
    }

    private static void drain(ArrayBlockingQueue<Delivery> queue, LatencyRecorder recorder) {
        try {
            while (true) recorder.arrived(queue.take().index());
        } catch (InterruptedException stop) {
            // closed
        }
    }

    private record Delivery(int index, AgentMessage message) {}
}
