package io.quorum.adapters.alpaca;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ListenerList;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns the market stream's trades, quotes and minute bars into the engine's ticks and bars, for
 * the listeners of their tickers. A trade is a tick at its price, inside the latest quote when
 * that quote is usable (both sides set, not crossed), else at the trade's price on both sides. A
 * quote that moves the bid or the ask is a tick too, at the last trade's price, once a trade has
 * been seen; one that only changes the sizes (a tick has none) is not. Ticks older than the
 * latest one, a tick equal to the latest one, and bars not after the latest one are dropped (and counted): the stream may repeat
 * or reorder across a reconnection. Symbols nobody listens to are passed over.
 *
 * <p>Messages are routed on the stream's thread only; listening and stopping may come from any.
 */
public final class AlpacaTickRouter implements StreamListener {
    private final Object lock = new Object();
    /** Copied on write, so that the stream's thread looks a symbol up without a lock. */
    private volatile Map<String, Route> routes = Map.of();
    /** The last ticks of tickers nobody listens to any more: still the last ones known. */
    private final Map<Ticker, Tick> lastTicksUnrouted = new ConcurrentHashMap<>();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong unusable = new AtomicLong();

    /** Adds listeners for {@code ticker}; returns whether they are its first, so that the stream must now subscribe it. */
    public boolean listen(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        synchronized (lock) {
            Route route = routes.get(ticker.symbol());
            boolean first = route == null;
            if (first) {
                route = new Route(ticker, lastTicksUnrouted.remove(ticker));
                Map<String, Route> grown = new HashMap<>(routes);
                grown.put(ticker.symbol(), route);
                routes = Map.copyOf(grown);
            }
            route.ticks.add(onTick);
            route.bars.add(onBar);
            route.listeners++;
            return first;
        }
    }

    /** Removes these very listeners; returns whether they were the ticker's last, so that the stream may unsubscribe it. */
    public boolean stopListening(Ticker ticker, Consumer<Tick> onTick, Consumer<Bar> onBar) {
        synchronized (lock) {
            Route route = routes.get(ticker.symbol());
            if (route == null) return false;
            route.ticks.remove(onTick);
            route.bars.remove(onBar);
            if (--route.listeners > 0) return false;
            Map<String, Route> shrunk = new HashMap<>(routes);
            shrunk.remove(ticker.symbol());
            if (route.last != null) lastTicksUnrouted.put(ticker, route.last);
            routes = Map.copyOf(shrunk);
            return true;
        }
    }

    public Optional<Tick> lastTick(Ticker ticker) {
        Route route = routes.get(ticker.symbol());
        if (route != null && route.last != null) return Optional.of(route.last);
        return Optional.ofNullable(lastTicksUnrouted.get(ticker));
    }

    /** Ticks and bars dropped for being older than what was already handed on. */
    public long outOfOrder() { return outOfOrder.get(); }

    /** Quotes and bars whose prices could not be used (an empty side, crossed, or an inconsistent bar). */
    public long unusable() { return unusable.get(); }

    @Override public void trade(String symbol, long epochMillis, long priceMicros, long size) {
        Route route = routes.get(symbol);
        if (route == null) return;
        route.lastPrice = priceMicros;
        boolean quoted = route.bid > 0;
        route.publish(epochMillis, priceMicros, quoted ? route.bid : priceMicros, quoted ? route.ask : priceMicros, size);
    }

    @Override public void quote(String symbol, long epochMillis, long bidMicros, long askMicros) {
        Route route = routes.get(symbol);
        if (route == null) return;
        if (bidMicros <= 0 || askMicros < bidMicros) {
            unusable.incrementAndGet();
            return;
        }
        boolean moved = bidMicros != route.bid || askMicros != route.ask;
        route.bid = bidMicros;
        route.ask = askMicros;
        if (moved && route.lastPrice > 0) route.publish(epochMillis, route.lastPrice, bidMicros, askMicros, 0);
    }

    @Override public void minuteBar(String symbol, long startMillis, long openMicros, long highMicros, long lowMicros, long closeMicros, long volume) {
        Route route = routes.get(symbol);
        if (route == null) return;
        if (highMicros < lowMicros || openMicros < lowMicros || openMicros > highMicros || closeMicros < lowMicros || closeMicros > highMicros) {
            unusable.incrementAndGet();
            return;
        }
        if (startMillis <= route.lastBarStart) {
            outOfOrder.incrementAndGet();
            return;
        }
        route.lastBarStart = startMillis;
        route.bars.publish(new Bar(route.ticker, Instant.ofEpochMilli(startMillis), MarketDataFeed.ONE_MINUTE,
                openMicros, highMicros, lowMicros, closeMicros, volume));
    }

    /** One ticker's listeners and what the stream last said of it; the prices are touched on the stream's thread only. */
    private final class Route {
        final Ticker ticker;
        final ListenerList<Tick> ticks = new ListenerList<>();
        final ListenerList<Bar> bars = new ListenerList<>();
        int listeners;
        long lastPrice;
        long bid;
        long ask;
        long lastBarStart = Long.MIN_VALUE;
        /** Written on the stream's thread, read by {@link #lastTick} from any. */
        volatile Tick last;

        Route(Ticker ticker, Tick last) {
            this.ticker = ticker;
            this.last = last;
        }

        void publish(long epochMillis, long price, long bidMicros, long askMicros, long size) {
            Tick previous = last;
            if (previous != null && epochMillis < previous.epochMillis()) {
                outOfOrder.incrementAndGet();
                return;
            }
            Tick tick = new Tick(ticker, epochMillis, price, bidMicros, askMicros, size);
            if (tick.equals(previous)) {
                outOfOrder.incrementAndGet();
                return;
            }
            last = tick;
            ticks.publish(tick);
        }
    }
}
