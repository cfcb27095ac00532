package io.quorum.server.ws;

import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.server.api.DeskOperations;
import io.quorum.server.api.StreamEvent;
import io.quorum.server.api.StreamEventType;
import io.quorum.server.api.StreamListener;
import io.quorum.server.api.Subscription;
import io.quorum.server.http.ServerMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client's view of a session's stream: first what it missed, read from the journal, then the
 * live events, with no gap and no duplicate.
 *
 * <p>It subscribes before replaying, so nothing published during the replay is lost. While it
 * replays, live journaled events are only noted (their highest seq); they are read back from the
 * journal, which has them before any listener does. Once a journal read comes back empty and no
 * live event is newer than the last one sent, the stream goes live and forwards events from then on.
 *
 * <p>The threads that hand it events (its follower of the journal's tail, the position updates)
 * only ever enqueue, never wait: one writer thread per client does the slow part. The queue is
 * bounded. A newer position update replaces a pending one (only the
 * latest state matters); a client that still falls {@code capacity} frames behind gets a
 * {@code resync} frame and is closed, and reconnects from its last seq.
 */
public final class ClientStream implements StreamListener {
    public static final int RESYNC_CLOSE_CODE = 4000;
    private static final int REPLAY_PAGE = 500;

    private final SessionId sessionId;
    private final DeskOperations desk;
    private final FrameSink sink;
    private final FrameEncoder encoder;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final int capacity;
    private final Duration heartbeatInterval;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    /** The queued frame of each type that is sent as its latest value only (position and risk updates): a newer one replaces its data. */
    private final Map<StreamEventType, Frame> pendingUpdates = new EnumMap<>(StreamEventType.class);
    private boolean live;
    private long newestUnsentLiveSeq;
    private boolean overflowed;
    private boolean pongRequested;
    private boolean closed;
    private Subscription subscription;

    /** Touched by the writer thread only. */
    private long lastSentSeq;

    public ClientStream(SessionId sessionId, DeskOperations desk, FrameSink sink, FrameEncoder encoder, Clock clock,
                        ServerMetrics metrics, int capacity, Duration heartbeatInterval) {
        if (capacity < 2) throw new IllegalArgumentException("capacity: at least 2 frames, was " + capacity);
        this.sessionId = sessionId;
        this.desk = desk;
        this.sink = sink;
        this.encoder = encoder;
        this.clock = clock;
        this.metrics = metrics;
        this.capacity = capacity;
        this.heartbeatInterval = heartbeatInterval;
    }

    /** Subscribes, then replays everything after {@code lastSeq} and streams live on a thread of its own. */
    public void start(long lastSeq) {
        lastSentSeq = lastSeq;
        Subscription live = desk.subscribe(sessionId, this);
        lock.lock();
        try {
            subscription = live;
            if (closed) live.close();
        } finally {
            lock.unlock();
        }
        Thread.ofVirtual().name("ws-" + sessionId).start(this::run);
    }

    @Override public void onEvent(StreamEvent event) {
        lock.lock();
        try {
            if (closed || overflowed) return;
            if (event.type().isLatestOnly()) {
                Frame pending = pendingUpdates.get(event.type());
                if (pending != null) {
                    pending.event = event;
                    metrics.frameCoalesced();
                } else {
                    Frame queued = enqueue(event);
                    if (queued != null) pendingUpdates.put(event.type(), queued);
                }
            } else if (!live) {
                newestUnsentLiveSeq = Math.max(newestUnsentLiveSeq, event.seq());
            } else {
                enqueue(event);
            }
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The client pinged; answered in order with the other frames. */
    public void requestPong() {
        lock.lock();
        try {
            pongRequested = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    public void close() {
        Subscription toClose;
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            toClose = subscription;
            work.signal();
        } finally {
            lock.unlock();
        }
        if (toClose != null) toClose.close();
    }

    /** True once the replay has caught up and live events are forwarded. */
    public boolean isLive() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    /** Frames waiting for the client, for tests and diagnostics. */
    public List<StreamEvent> pending() {
        lock.lock();
        try {
            return queue.stream().map(frame -> frame.event).toList();
        } finally {
            lock.unlock();
        }
    }

    private Frame enqueue(StreamEvent event) {
        if (queue.size() >= capacity) {
            metrics.framesDropped(queue.size() + 1);
            queue.clear();
            pendingUpdates.clear();
            overflowed = true;
            metrics.resync();
            return null;
        }
        Frame frame = new Frame(event);
        queue.add(frame);
        return frame;
    }

    private void run() {
        try {
            replay();
            stream();
        } catch (IOException | RuntimeException e) {
            sink.close(1011, "stream failed");
        } finally {
            close();
        }
    }

    private void replay() throws IOException {
        while (true) {
            List<StreamEvent> page = desk.events(sessionId, lastSentSeq, REPLAY_PAGE);
            if (page.isEmpty()) {
                lock.lock();
                try {
                    if (closed || newestUnsentLiveSeq <= lastSentSeq) {
                        live = true;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                continue;
            }
            for (StreamEvent event : page) {
                if (isClosed()) return;
                if (event.seq() > lastSentSeq) {
                    write(event);
                    lastSentSeq = event.seq();
                }
            }
        }
    }

    private void stream() throws IOException {
        while (true) {
            StreamEvent next = null;
            boolean pong = false;
            boolean resync = false;
            lock.lock();
            try {
                long waitNanos = heartbeatInterval.toNanos();
                while (!closed && !overflowed && !pongRequested && queue.isEmpty() && waitNanos > 0) {
                    waitNanos = work.awaitNanos(waitNanos);
                }
                if (closed) return;
                if (overflowed) {
                    resync = true;
                } else if (pongRequested) {
                    pongRequested = false;
                    pong = true;
                } else if (!queue.isEmpty()) {
                    Frame frame = queue.poll();
                    pendingUpdates.remove(frame.event.type(), frame);
                    next = frame.event;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (resync) {
                write(control(StreamEventType.RESYNC));
                sink.close(RESYNC_CLOSE_CODE, "resync: reconnect with your last seq");
                return;
            }
            if (pong) {
                write(control(StreamEventType.PONG));
            } else if (next == null) {
                write(control(StreamEventType.HEARTBEAT));
            } else if (!next.type().isJournaled()) {
                write(next);
            } else if (next.seq() > lastSentSeq) {
                write(next);
                lastSentSeq = next.seq();
            }
        }
    }

    private StreamEvent control(StreamEventType type) {
        return new StreamEvent(type, lastSentSeq, sessionId.value(), clock.now(), null);
    }

    private void write(StreamEvent event) throws IOException {
        sink.send(encoder.encode(event));
        metrics.frameSent();
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** A queued event; a pending position update is replaced in place, keeping its turn. */
    private static final class Frame {
        StreamEvent event;

        Frame(StreamEvent event) {
            this.event = event;
        }
    }
}
