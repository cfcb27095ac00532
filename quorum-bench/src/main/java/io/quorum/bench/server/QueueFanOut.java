package io.quorum.bench.server;

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
    private final List<Thread> threads = new ArrayList<>();
    private final List<Arrivals> consumers = new ArrayList<>();
    private final LongAdder refused = new LongAdder();

    QueueFanOut(PacedLoad load, int consumerCount, ThreadFactory threadFactory) {
        for (int i = 0; i < consumerCount; i++) {
            ArrayBlockingQueue<StreamEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
            Arrivals consumer = new Arrivals(load);
            queues.add(queue);
            consumers.add(consumer);
            Thread thread = threadFactory.newThread(() -> drain(queue, consumer));
            threads.add(thread);
            thread.start();
        }
    }

    @Override public void send(StreamEvent event) {
        for (int i = 0; i < queues.size(); i++) {
            if (!queues.get(i).offer(event)) refused.increment();
        }
    }

    @Override public List<Arrivals> arrivals() { return consumers; }

    @Override public List<String> faults() {
        return refused.sum() == 0 ? List.of() : List.of(refused.sum() + " refused by a full queue");
    }

    @Override public void close() {
        for (Thread thread : threads) thread.interrupt();
    }

    private static void drain(ArrayBlockingQueue<StreamEvent> queue, Arrivals consumer) {
        try {
            while (true) consumer.arrived(((Probe) queue.take().data()).index());
        } catch (InterruptedException stop) {
            // closed
        }
    }
}
