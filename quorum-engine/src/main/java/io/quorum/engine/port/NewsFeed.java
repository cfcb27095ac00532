package io.quorum.engine.port;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import java.util.List;
import java.util.function.Consumer;

/** Headlines as they are published. Listeners are called on the feed's thread and must not block. */
public interface NewsFeed extends AutoCloseable {
    MarketDataFeed.Subscription subscribe(Consumer<NewsItem> onNews);

    /** The latest {@code count} headlines about {@code ticker}, newest first. */
    List<NewsItem> recent(Ticker ticker, int count);

    /**
     * Reads the news of {@code ticker} from now on, for a feed that reads per ticker and was not
     * reading it yet (a ticker the desk came to watch after the start). A feed whose news covers
     * every ticker does nothing. It may start work on the feed's own threads; it never waits for it.
     */
    default void follow(Ticker ticker) { }

    @Override void close();
}
