package io.quorum.engine.market;

import java.util.List;

/**
 * The latest bars of one ticker, oldest first, up to a capacity: a bar added to a full window
 * pushes out the oldest. Held as columns of longs rather than {@link Bar} objects, so that a
 * {@link TechnicalView} reads 260 daily bars from a few arrays instead of chasing 260 objects
 * scattered over the heap, which cost a backtest's desk more than the indicators' arithmetic.
 * Each column is twice the capacity and every bar is written at both its place and its place plus
 * the capacity, so the window is always one unbroken run of each array, however far it has moved.
 * Mutable, for one thread: its owner's.
 */
public final class BarWindow {
    private final int capacity;
    private final long[] opens;
    private final long[] highs;
    private final long[] lows;
    private final long[] closes;
    private final long[] volumes;
    /** Where the oldest bar is, below the capacity. */
    private int first;
    private int size;

    public BarWindow(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("a bar window holds at least one bar: " + capacity);
        this.capacity = capacity;
        this.opens = new long[2 * capacity];
        this.highs = new long[2 * capacity];
        this.lows = new long[2 * capacity];
        this.closes = new long[2 * capacity];
        this.volumes = new long[2 * capacity];
    }

    /** A window of exactly {@code bars}, in their order. */
    public static BarWindow of(List<Bar> bars) {
        BarWindow window = new BarWindow(Math.max(1, bars.size()));
        for (int i = 0; i < bars.size(); i++) window.add(bars.get(i));
        return window;
    }

    /** {@code bar} becomes the latest; when the window is full, the oldest leaves it. */
    public void add(Bar bar) {
        int place;
        if (size < capacity) {
            place = (first + size) % capacity;
            size++;
        } else {
            place = first;
            first = (first + 1) % capacity;
        }
        write(place, bar);
        write(place + capacity, bar);
    }

    private void write(int place, Bar bar) {
        opens[place] = bar.openMicros();
        highs[place] = bar.highMicros();
        lows[place] = bar.lowMicros();
        closes[place] = bar.closeMicros();
        volumes[place] = bar.volume();
    }

    public int size() { return size; }

    public boolean isEmpty() { return size == 0; }

    /** The {@code i}th bar's open, 0 being the oldest and {@code size() - 1} the latest; likewise below. */
    public long openMicros(int i) { return opens[at(i)]; }

    public long highMicros(int i) { return highs[at(i)]; }

    public long lowMicros(int i) { return lows[at(i)]; }

    public long closeMicros(int i) { return closes[at(i)]; }

    public long volume(int i) { return volumes[at(i)]; }

    private int at(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("bar " + i + " of a window of " + size);
        return first + i;
    }
}
