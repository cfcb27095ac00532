package io.quorum.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.csv.CsvReplayFeed;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcBarStore;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indicators start from the imported past when the provider's history is shorter; the provider's bars win where both have one. */
class ImportedHistoryFeedTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;

    @TempDir Path directory;

    @Test void a_short_provider_history_is_preceded_by_the_imported_bars_from_before_its_first_bar() {
        List<Bar> all = days(LocalDate.of(2014, 12, 1), 20, 40_000_000);
        List<Bar> provided = all.subList(15, 20);
        List<Bar> importedWithOverlap = new ArrayList<>(days(LocalDate.of(2014, 12, 1), 17, 10_000_000));   // overlaps the provider's first two days
        try (Database database = Database.openFile(directory.resolve("quorum.db"), Schema.MARKET_DATA);
             CsvReplayFeed provider = CsvReplayFeed.of(Map.of(ORCL, provided), NYSE.sessionClose(LocalDate.of(2014, 12, 31)))) {
            JdbcBarStore store = new JdbcBarStore(database);
            store.save(importedWithOverlap);
            MarketDataFeed feed = new ImportedHistoryFeed(provider, store, new ManualClock(Instant.parse("2015-01-02T15:00:00Z")));

            List<Bar> history = feed.history(ORCL, MarketDataFeed.DAILY, 12);

            assertThat(history).hasSize(12).extracting(Bar::start).isSorted().doesNotHaveDuplicates();
            assertThat(history.subList(7, 12)).isEqualTo(provided);
            assertThat(history.subList(0, 7)).isEqualTo(importedWithOverlap.subList(8, 15));
            assertThat(feed.history(ORCL, MarketDataFeed.DAILY, 3)).as("enough from the provider: nothing imported is added").isEqualTo(provided.subList(2, 5));
        }
    }

    private static List<Bar> days(LocalDate first, int count, long closeMicros) {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = NYSE.isTradingDay(first) ? first : NYSE.nextTradingDay(first);
        for (int i = 0; i < count; i++, day = NYSE.nextTradingDay(day)) {
            long close = closeMicros + i * 100_000L;
            bars.add(new Bar(ORCL, NYSE.sessionOpen(day), MarketDataFeed.DAILY, close, close + 200_000, close - 200_000, close, 1_000_000));
        }
        return bars;
    }
}
