package io.quorum.server.wiring;

import io.quorum.adapters.jdbc.JdbcBarStore;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed whose history reaches back into what the user imported ({@code quorum data import}): when
 * the provider has fewer bars than asked for, the imported bars from before the provider's first
 * one come first. The indicators then start from the longer history; the provider's own bars
 * always win where both have a bar.
 */
final class ImportedHistoryFeed extends ForwardingFeed {
    private final JdbcBarStore imported;
    private final Clock clock;

    ImportedHistoryFeed(MarketDataFeed feed, JdbcBarStore imported, Clock clock) {
        super(feed);
        this.imported = imported;
        this.clock = clock;
    }

    @Override public List<Bar> history(Ticker ticker, Duration interval, int count) {
        List<Bar> provided = feed.history(ticker, interval, count);
        if (provided.size() >= count) return provided;
        Instant before = provided.isEmpty() ? clock.now() : provided.getFirst().start();
        List<Bar> bars = new ArrayList<>(imported.bars(ticker, interval, before, count - provided.size()));
        bars.addAll(provided);
        return bars;
    }
}
