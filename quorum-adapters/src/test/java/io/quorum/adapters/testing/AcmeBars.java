package io.quorum.adapters.testing;

import io.quorum.adapters.csv.BadRows;
import io.quorum.adapters.csv.BarImport;
import io.quorum.adapters.csv.CsvBarReader;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A made-up ticker's bars for the feeds' tests: five days of a Yahoo download, then the first half hour of the next session, minute by minute. */
public final class AcmeBars {
    public static final Ticker ACME = Ticker.of("ACME");
    /** The open of the session the minute bars belong to (Monday 2024-03-04, 09:30 New York). */
    public static final Instant MONDAY_OPEN = Instant.parse("2024-03-04T14:30:00Z");

    private AcmeBars() {}

    public static List<Bar> daily() { return imported("acme-daily.csv").bars(); }

    public static List<Bar> minutes() { return imported("acme-minutes.csv").bars(); }

    public static List<Bar> dailyThenMinutes() {
        List<Bar> bars = new ArrayList<>(daily());
        bars.addAll(minutes());
        return bars;
    }

    public static BarImport.Imported imported(String resource) {
        try {
            Path file = Path.of(AcmeBars.class.getResource("/csv/" + resource).toURI());
            return (BarImport.Imported) CsvBarReader.nyse().read(file, ACME, BadRows.REFUSE_FILE);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
