package io.quorum.bench.backtest;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One ticker's daily bars made on the fly from a seeded random walk, never held: the stream a long
 * file would be, so that the bench measures the replay and not the disk. The same seed gives the same bars.
 */
final class GeneratedBars implements Iterator<Bar> {
    private static final Instant FIRST_DAY = Instant.parse("1940-01-02T14:30:00Z");

    private final Ticker ticker;
    private final int count;
    private final SplittableRandom random;
    private long closeMicros = 50_000_000L;
    private int made;

    GeneratedBars(Ticker ticker, int count, long seed) {
        this.ticker = ticker;
        this.count = count;
        this.random = new SplittableRandom(seed);
    }

    @Override public boolean hasNext() { return made < count; }

    @Override public Bar next() {
        if (made >= count) throw new NoSuchElementException();
        long open = closeMicros;
        long close = Math.max(1_000_000L, open + (long) (random.nextGaussian() * open * 0.015));
        long high = Math.max(open, close) + (long) (random.nextDouble() * open * 0.01);
        long low = Math.max(500_000L, Math.min(open, close) - (long) (random.nextDouble() * open * 0.01));
        closeMicros = close;
        Instant start = FIRST_DAY.plus(MarketDataFeed.DAILY.multipliedBy(made++));
        return new Bar(ticker, start, MarketDataFeed.DAILY, open, high, low, close, 1_000_000);
    }
}
