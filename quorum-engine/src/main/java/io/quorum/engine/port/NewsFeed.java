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

    @Override void close();
}
