package io.quorum.adapters.notify;

import io.quorum.adapters.http.RetryAfter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's bounded queue and the thread that empties it. {@link #offer} never waits: when the
 * queue is full the oldest notice is dropped (and counted) to make room, because a desk that
 * waited for a chat server would trade late. The thread sends one notice at a time and retries a
 * 429, a 5xx or no answer with jittered backoff; another 4xx will not get better and is given up
 * at once. Failures are logged by the channel's name, never its address, and counted.
 */
final class ChannelDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);
    private static final int TOO_MANY_REQUESTS = 429;

    private final Channel channel;
    private final DeliveryPolicy policy;
    private final HttpClient http;
    private final BlockingQueue<Notice> queue;
    private final Thread thread;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closed;

    ChannelDelivery(Channel channel, DeliveryPolicy policy, HttpClient http) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http = Objects.requireNonNull(http, "http");
        this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
        this.thread = Thread.ofPlatform().daemon().name("notify-" + channel.name()).unstarted(this::run);
        thread.start();
    }

    /** Queues {@code notice} for sending and returns at once, dropping the oldest waiting notice if the queue is full. */
    void offer(Notice notice) {
        while (!queue.offer(notice)) {
            if (queue.poll() != null) dropped.increment();
        }
    }

    DeliveryStats stats() { return new DeliveryStats(delivered.sum(), retried.sum(), failed.sum(), dropped.sum()); }

    String name() { return channel.name(); }

    private void run() {
        while (!closed) {
            try {
                send(queue.take());
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private void send(Notice notice) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(channel.endpoint()).timeout(policy.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(channel.body(notice))).build();
        String outcome = "";
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            Duration askedFor = Duration.ZERO;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    delivered.increment();
                    return;
                }
                outcome = "answered " + status;
                if (status != TOO_MANY_REQUESTS && status < 500) break;
                askedFor = RetryAfter.of(response);
            } catch (IOException noAnswer) {
                outcome = "did not answer (" + noAnswer.getClass().getSimpleName() + ")";
            }
            if (attempt < policy.attempts()) {
                retried.increment();
                Thread.sleep(policy.backoff().delay(attempt, askedFor));
            }
        }
        failed.increment();
        LOG.warn("Notification channel {} {}; a notice ({}) was not delivered", channel.name(), outcome, notice.kind().configName());
    }

    /** Stops the thread; notices still queued are not sent. */
    @Override public void close() {
        closed = true;
        thread.interrupt();
    }
}
