package io.quorum.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A fixed-rate schedule of messages: message {@code i} is meant to leave at {@code start + i / rate}.
 * Latency is measured from that intended time, not from the moment the message actually left, so
 * a system that stalls the sender is charged for every message the stall delayed (no coordinated
 * omission). The first {@link #warmupMessages()} messages warm the JIT up and are not recorded.
 *
 * <p>The sender waits by parking, then yielding for the last stretch: never a busy spin, the bench
 * runs on small shared machines.
 */
public final class PacedLoad {
    /** Linux oversleeps a park by up to its 50 µs timer slack; the sender yields through that last stretch. */
    private static final long YIELD_WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(60);

    private final long intervalNanos;
    private final int warmupMessages;
    private final long[] intendedNanos;
    private final long[] sentNanos;
    private final Histogram senderLateness = LatencyRecorder.newHistogram();
    private final Histogram sendCall = LatencyRecorder.newHistogram();

    public PacedLoad(int messagesPerSecond, int warmupMessages, int measuredMessages) {
        if (messagesPerSecond < 1 || warmupMessages < 0 || measuredMessages < 1) {
            throw new IllegalArgumentException("rate, warm-up and measured counts: " + messagesPerSecond + ", " + warmupMessages + ", " + measuredMessages);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / messagesPerSecond;
        this.warmupMessages = warmupMessages;
        this.intendedNanos = new long[warmupMessages + measuredMessages];
        this.sentNanos = new long[intendedNanos.length];
    }

    public int totalMessages() { return intendedNanos.length; }

    public int warmupMessages() { return warmupMessages; }

    /** When message {@code index} was meant to leave; valid once it has been sent. */
    public long intendedNanos(int index) { return intendedNanos[index]; }

    /** When message {@code index} actually left; only for the diagnostic figure that leaves the sender's own delays out. */
    public long sentNanos(int index) { return sentNanos[index]; }

    /** How late the sender itself was; part of every measured latency, shown so that it can be told apart. */
    public Histogram senderLateness() { return senderLateness; }

    /** How long the system under test kept the sender inside its send call: what publishing costs the publisher. */
    public Histogram sendCall() { return sendCall; }

    /** Sends every message on schedule, on the calling thread. */
    public void run(Sender sender) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        for (int index = 0; index < intendedNanos.length; index++) {
            long intended = start + index * intervalNanos;
            intendedNanos[index] = intended;
            waitUntil(intended);
            long sending = System.nanoTime();
            sentNanos[index] = sending;
            sender.send(index);
            long sent = System.nanoTime();
            if (index >= warmupMessages) {
                senderLateness.recordValue(Math.max(0, sending - intended));
                sendCall.recordValue(sent - sending);
            }
        }
    }

    private static void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            if (remaining > YIELD_WINDOW_NANOS) LockSupport.parkNanos(remaining - YIELD_WINDOW_NANOS);
            else Thread.yield();
        }
    }

    /** Hands message {@code index} to the system under test. */
    @FunctionalInterface
    public interface Sender {
        void send(int index);
    }
}
