package io.quorum.adapters.csv;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The outcome of reading a bar file: the bars, or the reasons nothing was imported. */
public sealed interface BarImport {

    /** The file's bars, oldest first; {@code skipped} lists the bad rows left out (empty unless {@link BadRows#SKIP}). */
    record Imported(Ticker ticker, Duration interval, List<Bar> bars, List<RowProblem> skipped) implements BarImport {
        public Imported {
            Objects.requireNonNull(ticker, "ticker");
            Objects.requireNonNull(interval, "interval");
            bars = List.copyOf(bars);
            skipped = List.copyOf(skipped);
        }
    }

    /** Nothing was imported; every problem found is listed, in line order. */
    record Refused(String reason, List<RowProblem> problems) implements BarImport, BarStream {
        public Refused {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: must not be blank");
            problems = List.copyOf(problems);
        }
    }
}
