package io.quorum.engine.desk;

import io.quorum.engine.market.Ticker;
import java.util.List;
import java.util.Objects;

/** What came of adding a ticker to a session's watchlist, or of taking one off: the watchlist now, or why not. */
public sealed interface WatchlistChange {
    /** @param watchlist the tickers the session watches now, its own first */
    record Changed(List<Ticker> watchlist) implements WatchlistChange {
        public Changed {
            watchlist = List.copyOf(watchlist);
        }
    }

    /** @param reason why not, as a sentence the user reads */
    record Refused(String reason) implements WatchlistChange {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
