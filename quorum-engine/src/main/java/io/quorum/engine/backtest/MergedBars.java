package io.quorum.engine.backtest;

import io.quorum.engine.market.Bar;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Several tickers' bar streams as one, in time order (ties in ticker order), holding only the
 * next bar of each stream: a replay of many long files keeps one bar per file in memory.
 */
public final class MergedBars implements Iterator<Bar> {
    private record Head(Bar bar, Iterator<Bar> rest) implements Comparable<Head> {
        @Override public int compareTo(Head other) {
            int byTime = bar.start().compareTo(other.bar.start());
            return byTime != 0 ? byTime : bar.ticker().compareTo(other.bar.ticker());
        }
    }

    private final PriorityQueue<Head> heads = new PriorityQueue<>();

    public MergedBars(List<? extends Iterator<Bar>> streams) {
        for (Iterator<Bar> stream : streams) {
            if (stream.hasNext()) heads.add(new Head(stream.next(), stream));
        }
    }

    @Override public boolean hasNext() { return !heads.isEmpty(); }

    @Override public Bar next() {
        Head head = heads.poll();
        if (head == null) throw new NoSuchElementException("no bar left");
        if (head.rest.hasNext()) heads.add(new Head(head.rest.next(), head.rest));
        return head.bar;
    }
}
