package io.quorum.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.testing.SharedMarketData;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RealFilesImportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            orcl-1995-2014.txt,              ORCL, 5036, 1995-01-03T14:30:00Z, 2014-12-31T14:30:00Z
            nvda-1999-2014.txt,              NVDA, 4012, 1999-01-22T14:30:00Z, 2014-12-31T14:30:00Z
            AAPL-PT1D-20130102_20131231.csv, AAPL,  252, 2013-01-02T14:30:00Z, 2013-12-31T14:30:00Z
            """)
    void a_real_yahoo_or_plain_file_imports_every_day_cleanly(String file, String symbol, int days, Instant first, Instant last) {
        BarImport result = CsvBarReader.nyse().read(SharedMarketData.file(file), Ticker.of(symbol), BadRows.REFUSE_FILE);

        assertThat(result).isInstanceOfSatisfying(BarImport.Imported.class, imported -> {
            assertThat(imported.interval()).isEqualTo(MarketDataFeed.DAILY);
            assertThat(imported.bars()).hasSize(days);
            assertThat(imported.bars().getFirst().start()).isEqualTo(first);
            assertThat(imported.bars().getLast().start()).isEqualTo(last);
            assertThat(imported.skipped()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            AAPL-PT1D-20130102_20131231.csv, 2013-01-02T14:30:00Z, 553820000, 555000000, 541630000, 549030000, 20018500
            orcl-1995-2014.txt,              1995-01-03T14:30:00Z,   2179012,   2191358,   2117284,   2117284, 36301200
            """)
    void the_first_real_bar_is_read_exactly(String file, Instant start, long open, long high, long low, long close, long volume) {
        Ticker ticker = Ticker.of(file.substring(0, 4).toUpperCase(java.util.Locale.ROOT));
        BarImport.Imported imported = (BarImport.Imported) CsvBarReader.nyse().read(SharedMarketData.file(file), ticker, BadRows.REFUSE_FILE);

        assertThat(imported.bars().getFirst()).isEqualTo(new Bar(ticker, start, MarketDataFeed.DAILY, open, high, low, close, volume));
    }
}
