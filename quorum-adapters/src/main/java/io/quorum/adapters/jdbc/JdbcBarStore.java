package io.quorum.adapters.jdbc;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Imported price history ({@code quorum data import}) in the journal's database, under its own
 * schema {@link Schema#MARKET_DATA}. A bar imported again replaces the one with the same ticker,
 * interval and start, so a corrected file can simply be imported once more.
 */
public final class JdbcBarStore {
    private final Jdbi jdbi;

    /** @param database opened with {@link Schema#MARKET_DATA} */
    public JdbcBarStore(Database database) {
        this.jdbi = Jdbi.create(Objects.requireNonNull(database, "database").dataSource());
    }

    /** Stores {@code bars} in one transaction: all of them or, on a failure, none. */
    public void save(List<Bar> bars) {
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO market_bar (ticker, interval_seconds, start_millis, open_micros, high_micros, low_micros, close_micros, volume)
                    VALUES (:ticker, :interval, :start, :open, :high, :low, :close, :volume)
                    ON CONFLICT (ticker, interval_seconds, start_millis) DO UPDATE SET open_micros = excluded.open_micros,
                        high_micros = excluded.high_micros, low_micros = excluded.low_micros, close_micros = excluded.close_micros,
                        volume = excluded.volume""");
            for (Bar bar : bars) {
                batch.bind("ticker", bar.ticker().symbol()).bind("interval", bar.interval().toSeconds()).bind("start", bar.start().toEpochMilli())
                        .bind("open", bar.openMicros()).bind("high", bar.highMicros()).bind("low", bar.lowMicros()).bind("close", bar.closeMicros())
                        .bind("volume", bar.volume()).add();
            }
            if (!bars.isEmpty()) batch.execute();
        });
    }

    /** The latest {@code count} bars of {@code ticker} at {@code interval} starting before {@code before}, oldest first. */
    public List<Bar> bars(Ticker ticker, Duration interval, Instant before, int count) {
        List<Bar> newestFirst = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT start_millis, open_micros, high_micros, low_micros, close_micros, volume FROM market_bar
                        WHERE ticker = :ticker AND interval_seconds = :interval AND start_millis < :before
                        ORDER BY start_millis DESC LIMIT :count""")
                .bind("ticker", ticker.symbol()).bind("interval", interval.toSeconds()).bind("before", before.toEpochMilli()).bind("count", count)
                .map((row, context) -> new Bar(ticker, Instant.ofEpochMilli(row.getLong("start_millis")), interval, row.getLong("open_micros"),
                        row.getLong("high_micros"), row.getLong("low_micros"), row.getLong("close_micros"), row.getLong("volume")))
                .list());
        List<Bar> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** How many bars of {@code ticker} at {@code interval} are stored. */
    public long count(Ticker ticker, Duration interval) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM market_bar WHERE ticker = :ticker AND interval_seconds = :interval")
                .bind("ticker", ticker.symbol()).bind("interval", interval.toSeconds()).mapTo(Long.class).one());
    }
}
