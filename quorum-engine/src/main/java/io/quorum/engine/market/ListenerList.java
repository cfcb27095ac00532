package io.quorum.engine.market;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The listeners of a feed, copy-on-write: the publishing thread walks a plain array with no
 * iterator and no lock, while adding and removing (rare) take a lock. A listener that throws is
 * reported to the thread's uncaught-exception handler and skipped for that event; it never stops
 * the feed or the listeners after it.
 */
public final class ListenerList<E> {
    private final Object lock = new Object();
    @SuppressWarnings("unchecked")
    private volatile Consumer<? super E>[] listeners = new Consumer[0];

    public void add(Consumer<? super E> listener) {
        if (listener == null) throw new IllegalArgumentException("listener: required");
        synchronized (lock) {
            Consumer<? super E>[] grown = Arrays.copyOf(listeners, listeners.length + 1);
            grown[listeners.length] = listener;
            listeners = grown;
        }
    }

    /** Removes this very listener (compared by identity). */
    public void remove(Consumer<? super E> listener) {
        synchronized (lock) {
            Consumer<? super E>[] current = listeners;
            Consumer<? super E>[] remaining = Arrays.copyOf(current, current.length);
            int kept = 0;
            for (Consumer<? super E> each : current) if (each != listener) remaining[kept++] = each;
            listeners = Arrays.copyOf(remaining, kept);
        }
    }

    public void clear() {
        synchronized (lock) {
            listeners = Arrays.copyOf(listeners, 0);
        }
    }

    public void publish(E event) {
        for (Consumer<? super E> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException listenerFault) {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, listenerFault);
            }
        }
    }
}
