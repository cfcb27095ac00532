package io.quorum.server.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: bars done out of the total, bars per second and the time
 * left, redrawn at most ten times a second. It reads the wall clock, as a person watching does;
 * the replay itself runs on replay time.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter terminal;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;

    ProgressBar(PrintWriter terminal, long total) {
        this.terminal = terminal;
        this.total = Math.max(1, total);
    }

    void advanceTo(long done) {
        long now = System.nanoTime();
        if (now - lastDrawNanos < REDRAW_NANOS && done < total) return;
        lastDrawNanos = now;
        terminal.print("\r" + line(done, (now - startNanos) / 1e9));
        terminal.flush();
    }

    void finish() {
        terminal.println();
        terminal.flush();
    }

    /** {@code [##########..........] 1,679/5,036 bars · 48,210 bars/s · ETA 0:00}. */
    String line(long done, double seconds) {
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        double rate = seconds <= 0 ? 0 : done / seconds;
        long left = rate <= 0 ? 0 : (long) Math.ceil((total - done) / rate);
        return String.format(Locale.ROOT, "[%s%s] %,d/%,d bars · %,.0f bars/s · ETA %d:%02d", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, rate, left / 60, left % 60);
    }
}
