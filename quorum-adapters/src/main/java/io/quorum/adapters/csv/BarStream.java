package io.quorum.adapters.csv;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A bar file checked row by row without holding its bars ({@link CsvBarReader#stream}): ready to be
 * streamed, or refused with every problem found, as {@link BarImport} is.
 */
public sealed interface BarStream permits BarStream.Ready, BarImport.Refused {

    /**
     * A file that passed the check: {@code barCount} bars in the window, of this interval;
     * {@code skipped} lists the bad rows left out (empty unless {@link BadRows#SKIP}). Each call of
     * {@link #bars} reads the file again, one line at a time, and holds only the next bar.
     */
    record Ready(Path file, Ticker ticker, Duration interval, long barCount, List<RowProblem> skipped, Predicate<Instant> window,
                 BadRows badRows, CsvBarReader reader) implements BarStream {
        public Ready {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(interval, "interval");
            skipped = List.copyOf(skipped);
        }

        /** The bars in the window, oldest first, read lazily; the file is closed when the last is read. */
        public Iterator<Bar> bars() { return reader.lazyBars(this); }
    }
}
