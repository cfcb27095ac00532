package io.quorum.engine.simulation;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Copy-on-write listener arrays: the publishing thread walks a plain array with no iterator and
 * no lock, and (un)subscribing is rare. A listener that throws is skipped for that event, not
 * allowed to stop the feed.
 */
final class Listeners {
    private Listeners() {}

    static <T> T[] with(T[] listeners, T added) {
        T[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[listeners.length] = added;
        return grown;
    }

    /** Without {@code removed}; with {@code null}, without any. */
    static <T> T[] without(T[] listeners, T removed) {
        if (removed == null) return Arrays.copyOf(listeners, 0);
        int kept = 0;
        T[] remaining = Arrays.copyOf(listeners, listeners.length);
        for (T listener : listeners) if (listener != removed) remaining[kept++] = listener;
        return Arrays.copyOf(remaining, kept);
    }

    static <T> void callSafely(Consumer<T> listener, T event) {
        try {
            listener.accept(event);
        } catch (RuntimeException listenerFault) {
            Thread current = Thread.currentThread();
            current.getUncaughtExceptionHandler().uncaughtException(current, listenerFault);
        }
    }
}
