package io.quorum.engine.simulation;

import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.NewsFeed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Headlines written by the simulated market: each price jump comes with a headline of the same
 * tone, published just before the jump's tick, and neutral noise comes in between. The feed
 * remembers each story's tone, so a test can check that a sentiment reading is right.
 * Listeners are called on the thread that publishes (the market's).
 */
public final class SimulatedNewsFeed implements NewsFeed {
    /** What a headline means for the price. */
    public enum Tone { POSITIVE, NEGATIVE, NEUTRAL }

    /** A published headline and the tone it was written with. */
    public record Story(NewsItem item, Tone tone) {
        public Story {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(tone, "tone");
        }
    }

    private static final int STORIES_KEPT_PER_TICKER = 200;

    private final Map<Ticker, ArrayDeque<Story>> stories = new HashMap<>();
    private final ListenerList<NewsItem> listeners = new ListenerList<>();

    @Override public MarketDataFeed.Subscription subscribe(Consumer<NewsItem> onNews) {
        listeners.add(onNews);
        return () -> listeners.remove(onNews);
    }

    /** Publishes a headline to every listener, in order. */
    public void publish(NewsItem item, Tone tone) {
        Story story = new Story(item, tone);
        synchronized (stories) {
            ArrayDeque<Story> kept = stories.computeIfAbsent(item.ticker(), t -> new ArrayDeque<>());
            if (kept.size() == STORIES_KEPT_PER_TICKER) kept.removeFirst();
            kept.addLast(story);
        }
        listeners.publish(item);
    }

    @Override public List<NewsItem> recent(Ticker ticker, int count) {
        List<Story> latest = stories(ticker, count);
        List<NewsItem> items = new ArrayList<>(latest.size());
        for (Story story : latest) items.add(story.item());
        return items;
    }

    /** The latest {@code count} stories about {@code ticker}, newest first. */
    public List<Story> stories(Ticker ticker, int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        synchronized (stories) {
            ArrayDeque<Story> kept = stories.get(ticker);
            if (kept == null) return List.of();
            List<Story> latest = new ArrayList<>(Math.min(count, kept.size()));
            Iterator<Story> newestFirst = kept.descendingIterator();
            while (latest.size() < count && newestFirst.hasNext()) latest.add(newestFirst.next());
            return latest;
        }
    }

    /** The tone a headline was written with, if this feed published it (and still remembers it). */
    public Optional<Tone> toneOf(NewsItem item) {
        synchronized (stories) {
            ArrayDeque<Story> kept = stories.get(item.ticker());
            if (kept == null) return Optional.empty();
            for (Story story : kept) if (story.item().equals(item)) return Optional.of(story.tone());
            return Optional.empty();
        }
    }

    @Override public void close() { listeners.clear(); }
}
