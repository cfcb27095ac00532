package io.quorum.server.wiring;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The market as the desk sees it, with the paper broker subscribed to each ticker before anyone
 * else: the broker sees every tick before the desk does, so that an exit fills at the price that
 * triggered it. Whatever ticker the desk comes to watch, the broker is there first.
 */
final class BrokerFirstFeed extends ForwardingFeed {
    private final Consumer<Tick> broker;
    private final Map<Ticker, Subscription> brokerSubscriptions = new ConcurrentHashMap<>();

    BrokerFirstFeed(MarketDataFeed feed, Consumer<Tick> broker) {
        super(feed);
        this.broker = broker;
    }

    @Override public Subscription subscribe(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        if (!brokerSubscriptions.containsKey(ticker)) {
            // Subscribing may ask the provider: not under the map's lock. Of two at once, one stays.
            Subscription mine = feed.subscribe(ticker, broker, bar -> { });
            if (brokerSubscriptions.putIfAbsent(ticker, mine) != null) mine.close();
        }
        return feed.subscribe(ticker, onTick, onBar);
    }

    /** Ends the broker's subscriptions; the feed itself belongs to whoever opened it. */
    @Override public void close() {
        brokerSubscriptions.values().forEach(Subscription::close);
        brokerSubscriptions.clear();
    }
}
