package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcBarStore;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.adapters.testing.SharedMarketData;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.server.cli.QuorumCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum data import}: real files go in whole; a file with bad rows goes in not at all, or only its good rows when asked. */
class DataImportCommandTest {
    private static final Ticker ORCL = Ticker.of("ORCL");

    @TempDir Path directory;

    @Test void twenty_years_of_oracle_in_yahoos_download_format_are_imported_whole() {
        Path journal = directory.resolve("quorum.db");

        Run run = QuorumCli.run(Map.of(), "data", "import", SharedMarketData.file("orcl-1995-2014.txt").toString(), "--ticker", "ORCL", "--db", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Imported 5036 daily bars of ORCL from 1995-01-03 to 2014-12-31 into " + journal.toAbsolutePath());
        List<Bar> last = stored(journal, ORCL, 2);
        assertThat(last).extracting(bar -> bar.start().toString()).containsExactly("2014-12-30T14:30:00Z", "2014-12-31T14:30:00Z");
    }

    @Test void a_plain_date_open_high_low_close_volume_file_is_imported_and_importing_it_again_replaces_its_bars() {
        Path journal = directory.resolve("quorum.db");
        String aapl = SharedMarketData.file("AAPL-PT1D-20130102_20131231.csv").toString();

        QuorumCli.run(Map.of(), "data", "import", aapl, "--ticker", "AAPL", "--db", journal.toString());
        Run again = QuorumCli.run(Map.of(), "data", "import", aapl, "--ticker", "AAPL", "--db", journal.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Imported 252 daily bars of AAPL from 2013-01-02 to 2013-12-31");
        try (Database database = Database.openFile(journal, Schema.MARKET_DATA)) {
            assertThat(new JdbcBarStore(database).count(Ticker.of("AAPL"), MarketDataFeed.DAILY)).isEqualTo(252);
        }
    }

    @Test void a_file_with_bad_rows_imports_nothing_and_names_each_bad_row_by_its_line() throws Exception {
        Path journal = directory.resolve("quorum.db");
        Path file = badFile();

        Run run = QuorumCli.run(Map.of(), "data", "import", file.toString(), "--ticker", "ORCL", "--db", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> line.startsWith(file + ": line "))).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith(file + ": line 3: "))
                .anySatisfy(line -> assertThat(line).startsWith(file + ": line 5: "));
        assertThat(run.err()).contains("Nothing imported").contains("--skip-bad-rows");
        assertThat(stored(journal, ORCL, 10)).isEmpty();
    }

    @Test void skip_bad_rows_imports_the_good_rows_and_lists_the_skipped_ones() throws Exception {
        Path journal = directory.resolve("quorum.db");
        Path file = badFile();

        Run run = QuorumCli.run(Map.of(), "data", "import", file.toString(), "--ticker", "ORCL", "--db", journal.toString(), "--skip-bad-rows");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 2 daily bars of ORCL").contains("2 bad rows skipped");
        assertThat(run.err().lines().filter(line -> line.contains(": skipped line "))).hasSize(2);
        assertThat(stored(journal, ORCL, 10)).hasSize(2);
    }

    @Test void a_missing_file_is_one_line_and_exit_two() {
        Run run = QuorumCli.run(Map.of(), "data", "import", directory.resolve("nowhere.csv").toString(), "--ticker", "ORCL",
                "--db", directory.resolve("quorum.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("quorum: no file at "));
    }

    /** Line 3 has its high below its low; line 5 repeats line 4's date. */
    private Path badFile() throws Exception {
        Path file = directory.resolve("orcl-bad.csv");
        Files.writeString(file, """
                Date,Open,High,Low,Close,Adj Close,Volume
                2014-12-29,44.90,45.30,44.80,45.10,45.10,9000000
                2014-12-30,45.10,44.00,45.50,45.00,45.00,8000000
                2014-12-31,45.00,45.40,44.70,44.97,44.97,7000000
                2014-12-31,45.00,45.40,44.70,44.97,44.97,7000000
                """);
        return file;
    }

    private static List<Bar> stored(Path journal, Ticker ticker, int count) {
        try (Database database = Database.openFile(journal, Schema.MARKET_DATA)) {
            return new JdbcBarStore(database).bars(ticker, MarketDataFeed.DAILY, Instant.parse("2100-01-01T00:00:00Z"), count);
        }
    }
}
