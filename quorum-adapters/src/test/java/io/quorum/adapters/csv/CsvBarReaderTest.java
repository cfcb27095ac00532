package io.quorum.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvBarReaderTest {
    private static final Ticker ACME = Ticker.of("ACME");
    private static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
    private static final String GOOD_ROW = "2024-03-04,10.00,11.00,9.50,10.50,10.40,1000";

    private final CsvBarReader reader = CsvBarReader.nyse();

    @Test
    void a_yahoo_download_is_read_as_daily_bars_from_the_session_open() {
        BarImport result = reader.read(List.of(YAHOO_HEADER, GOOD_ROW, "2024-03-05,10.50,12.00,10.25,11.75,11.70,2500"), ACME, BadRows.REFUSE_FILE);

        assertThat(result).isInstanceOfSatisfying(BarImport.Imported.class, imported -> {
            assertThat(imported.interval()).isEqualTo(MarketDataFeed.DAILY);
            assertThat(imported.bars()).containsExactly(
                    new Bar(ACME, Instant.parse("2024-03-04T14:30:00Z"), MarketDataFeed.DAILY, 10_000_000, 11_000_000, 9_500_000, 10_500_000, 1000),
                    new Bar(ACME, Instant.parse("2024-03-05T14:30:00Z"), MarketDataFeed.DAILY, 10_500_000, 12_000_000, 10_250_000, 11_750_000, 2500));
            assertThat(imported.skipped()).isEmpty();
        });
    }

    @Test
    void plain_intraday_rows_are_read_in_the_exchange_time_zone_at_their_interval() {
        BarImport result = reader.read(List.of("date,open,high,low,close,volume",
                "2024-03-04 09:30:00,10.00,10.10,9.90,10.05,300",
                "2024-03-04 09:31:00,10.05,10.20,10.00,10.15,200",
                "2024-03-04T09:32:00-05:00,10.15,10.15,10.05,10.10,100"), ACME, BadRows.REFUSE_FILE);

        assertThat(result).isInstanceOfSatisfying(BarImport.Imported.class, imported -> {
            assertThat(imported.interval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(imported.bars()).extracting(Bar::start).containsExactly(
                    Instant.parse("2024-03-04T14:30:00Z"), Instant.parse("2024-03-04T14:31:00Z"), Instant.parse("2024-03-04T14:32:00Z"));
        });
    }

    @Test
    void columns_are_found_by_name_in_any_order_and_case() {
        BarImport result = reader.read(List.of("VOLUME,close,Low,HIGH,open,\"Date\"", "1000,10.50,9.50,11.00,10.00,2024-03-04"), ACME, BadRows.REFUSE_FILE);

        assertThat(result).isInstanceOfSatisfying(BarImport.Imported.class, imported ->
                assertThat(imported.bars().getFirst().closeMicros()).isEqualTo(10_500_000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a high below the low           | 2024-03-05,10.00,9.00,9.50,9.25,9.25,100      | line 3: high 9.00 is below low 9.50
            a close above the high         | 2024-03-05,10.00,11.00,9.50,11.50,11.50,100   | line 3: close 11.50 is outside [low 9.50, high 11.00]
            a close below the low          | 2024-03-05,10.00,11.00,9.50,9.00,9.00,100     | line 3: close 9.00 is outside [low 9.50, high 11.00]
            an open outside the range      | 2024-03-05,12.00,11.00,9.50,10.00,10.00,100   | line 3: open 12.00 is outside [low 9.50, high 11.00]
            a missing close                | 2024-03-05,10.00,11.00,9.50,,10.00,100        | line 3: missing close
            Yahoo's null row               | 2024-03-05,null,null,null,null,null,null      | line 3: missing open
            a negative price               | 2024-03-05,-10.00,11.00,9.50,10.00,10.00,100  | line 3: negative open: -10.00
            a zero price                   | 2024-03-05,10.00,11.00,0,10.00,10.00,100      | line 3: low must be positive: 0
            a negative volume              | 2024-03-05,10.00,11.00,9.50,10.00,10.00,-5    | line 3: negative volume: -5
            a word for a number            | 2024-03-05,ten,11.00,9.50,10.00,10.00,100     | line 3: open is not a number: "ten"
            a repeated date                | 2024-03-04,10.00,11.00,9.50,10.00,10.00,100   | line 3: repeats line 2's date 2024-03-04
            a date out of order            | 2024-03-01,10.00,11.00,9.50,10.00,10.00,100   | line 3: date out of order: 2024-03-01 comes after line 2's 2024-03-04
            an unreadable date             | 04/03/2024,10.00,11.00,9.50,10.00,10.00,100   | line 3: date is not a date or a date and time: "04/03/2024"
            a short row                    | 2024-03-05,10.00,11.00                        | line 3: has 3 cells, the header has 7
            a time among dates             | 2024-03-05 09:30,10.00,11.00,9.50,10.00,10.00,100 | line 3: mixes dates and times: 2024-03-05 09:30 after line 2's 2024-03-04
            """)
    void a_bad_row_is_reported_with_its_line_and_nothing_is_imported(String kind, String badRow, String expected) {
        BarImport result = reader.read(List.of(YAHOO_HEADER, GOOD_ROW, badRow, "2024-03-06,10.00,11.00,9.50,10.00,10.00,100"), ACME, BadRows.REFUSE_FILE);

        assertThat(result).isInstanceOfSatisfying(BarImport.Refused.class, refused -> {
            assertThat(refused.problems()).extracting(RowProblem::toString).contains(expected);
            assertThat(refused.reason()).contains("nothing imported");
        });
    }

    @Test
    void every_problem_of_a_file_is_reported_not_only_the_first() {
        BarImport result = reader.read(List.of(YAHOO_HEADER, GOOD_ROW,
                "2024-03-05,10.00,9.00,9.50,9.25,9.25,100",
                "2024-03-06,10.00,11.00,9.50,,10.00,100"), ACME, BadRows.REFUSE_FILE);

        assertThat(result).isInstanceOfSatisfying(BarImport.Refused.class, refused ->
                assertThat(refused.problems()).extracting(RowProblem::line).containsExactly(3, 4));
    }

    @Test
    void skipping_bad_rows_imports_the_good_ones_and_lists_the_rest() {
        BarImport result = reader.read(List.of(YAHOO_HEADER, GOOD_ROW,
                "2024-03-05,10.00,9.00,9.50,9.25,9.25,100",
                "2024-03-06,10.00,11.00,9.50,10.00,10.00,100"), ACME, BadRows.SKIP);

        assertThat(result).isInstanceOfSatisfying(BarImport.Imported.class, imported -> {
            assertThat(imported.bars()).extracting(Bar::start)
                    .containsExactly(Instant.parse("2024-03-04T14:30:00Z"), Instant.parse("2024-03-06T14:30:00Z"));
            assertThat(imported.skipped()).extracting(RowProblem::line).containsExactly(3);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a header without a volume | Date,Open,High,Low,Close | the header lacks Volume
            an empty file             | ''                       | the file is empty
            """)
    void a_file_that_is_not_a_bar_file_is_refused_with_the_formats_expected(String kind, String header, String expected) {
        BarImport result = reader.read(List.of(header), ACME, BadRows.SKIP);

        assertThat(result).isInstanceOfSatisfying(BarImport.Refused.class, refused ->
                assertThat(refused.reason()).contains(expected).contains("Date,Open,High,Low,Close,Adj Close,Volume"));
    }

    @Test
    void a_header_alone_imports_nothing() {
        assertThat(reader.read(List.of(YAHOO_HEADER), ACME, BadRows.SKIP))
                .isInstanceOfSatisfying(BarImport.Refused.class, refused -> assertThat(refused.reason()).isEqualTo("no bars in the file"));
    }

    @Test
    void a_streamed_file_is_checked_whole_first_and_a_bad_last_row_refuses_it_with_its_line(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("acme.csv"), List.of(YAHOO_HEADER, GOOD_ROW, "2024-03-05,10.00,9.00,9.50,9.25,9.25,100"));

        assertThat(reader.stream(file, ACME, BadRows.REFUSE_FILE, start -> true)).isInstanceOfSatisfying(BarImport.Refused.class, refused -> {
            assertThat(refused.problems()).extracting(RowProblem::toString).containsExactly("line 3: high 9.00 is below low 9.50");
            assertThat(refused.reason()).contains("nothing imported");
        });
    }

    @Test
    void a_checked_file_is_read_only_as_its_bars_are_taken(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("acme.csv"), List.of(YAHOO_HEADER, GOOD_ROW, "2024-03-05,10.50,12.00,10.25,11.75,11.70,2500"));
        BarStream.Ready ready = (BarStream.Ready) reader.stream(file, ACME, BadRows.REFUSE_FILE, start -> true);
        Iterator<Bar> bars = ready.bars();

        assertThat(bars.next().start()).isEqualTo(Instant.parse("2024-03-04T14:30:00Z"));
        Files.write(folder.resolve("acme.csv"), List.of("2024-03-06,11.75,12.50,11.50,12.25,12.20,900"), StandardOpenOption.APPEND);

        assertThat(ready.barCount()).as("the check counted the two rows it saw").isEqualTo(2);
        assertThat(bars).toIterable().extracting(Bar::start).as("the row written after the first bar was taken is read")
                .containsExactly(Instant.parse("2024-03-05T14:30:00Z"), Instant.parse("2024-03-06T14:30:00Z"));
    }

    @Test
    void a_stream_keeps_only_the_bars_its_window_keeps(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("acme.csv"), List.of(YAHOO_HEADER, GOOD_ROW, "2024-03-05,10.50,12.00,10.25,11.75,11.70,2500"));
        Instant second = Instant.parse("2024-03-05T14:30:00Z");

        BarStream.Ready ready = (BarStream.Ready) reader.stream(file, ACME, BadRows.REFUSE_FILE, start -> !start.isBefore(second));

        assertThat(ready.barCount()).isEqualTo(1);
        assertThat(ready.interval()).isEqualTo(MarketDataFeed.DAILY);
        assertThat(ready.bars()).toIterable().extracting(Bar::start).containsExactly(second);
    }
}
