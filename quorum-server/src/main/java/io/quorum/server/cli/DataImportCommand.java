package io.quorum.server.cli;

import io.quorum.adapters.csv.BadRows;
import io.quorum.adapters.csv.BarImport;
import io.quorum.adapters.csv.CsvBarReader;
import io.quorum.adapters.csv.RowProblem;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcBarStore;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quorum data import FILE --ticker X}: reads a bar file in Yahoo's download format
 * (Date,Open,High,Low,Close,Adj Close,Volume) or plain date,open,high,low,close,volume, daily or
 * intraday, and keeps its bars beside the journal. A desk on real market data starts its
 * indicators from them where the provider's history is shorter. A file with bad rows imports
 * nothing, each bad row named by its line, unless {@code --skip-bad-rows} is given.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a CSV file of bars (Yahoo's download format or date,open,high,low,close,volume) for one ticker.")
public final class DataImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--ticker", required = true, description = "The ticker the bars are of, e.g. ORCL.")
    String ticker;

    @Option(names = "--skip-bad-rows", description = "Import the good rows of a file that has bad ones, and list the bad ones.")
    boolean skipBadRows;

    @Option(names = "--db", paramLabel = "<file or jdbc-url>",
            description = "The journal's database, where the bars are kept (default: quorum.db in the data folder, ./data or $QUORUM_DATA_DIR).")
    String database;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Ticker symbol;
        try {
            symbol = Ticker.of(ticker);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ticker: " + e.getMessage());
        }
        if (!Files.isRegularFile(file)) throw new CommandFailure("no file at " + file.toAbsolutePath());
        JournalLocation location = JournalLocation.parse(database, DataFolder.current().defaultDatabaseFile());
        return switch (CsvBarReader.nyse().read(file, symbol, skipBadRows ? BadRows.SKIP : BadRows.REFUSE_FILE)) {
            case BarImport.Refused refused -> {
                for (RowProblem problem : refused.problems()) err.println(file + ": " + problem);
                err.println("Nothing imported: " + refused.reason() + (refused.problems().isEmpty() ? "" : "; --skip-bad-rows imports the good rows"));
                err.flush();
                yield ExitStatus.FAULT_FOUND;
            }
            case BarImport.Imported imported -> {
                for (RowProblem problem : imported.skipped()) err.println(file + ": skipped " + problem);
                err.flush();
                try (Database bars = Database.open(location.jdbcUrl(), null, null, Schema.MARKET_DATA)) {
                    new JdbcBarStore(bars).save(imported.bars());
                }
                out.println(summary(imported, location));
                out.flush();
                yield ExitStatus.OK;
            }
        };
    }

    private static String summary(BarImport.Imported imported, JournalLocation location) {
        List<Bar> bars = imported.bars();
        String what = imported.interval().equals(MarketDataFeed.DAILY) ? "daily" : imported.interval().toMinutes() + "-minute";
        String span = bars.isEmpty() ? "" : " from " + day(bars.getFirst()) + " to " + day(bars.getLast());
        String skipped = imported.skipped().isEmpty() ? "" : "; " + imported.skipped().size() + " bad rows skipped";
        return "Imported " + bars.size() + " " + what + " bars of " + imported.ticker() + span + " into " + location.describe() + skipped;
    }

    private static String day(Bar bar) { return ExchangeCalendar.NYSE.tradingDate(bar.start()).toString(); }
}
