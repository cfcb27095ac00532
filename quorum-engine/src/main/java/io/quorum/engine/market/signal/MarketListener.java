package io.quorum.engine.market.signal;

/** Receives the monitor's events on the feed's thread; must not block. */
@FunctionalInterface
public interface MarketListener {
    void onEvent(MarketEvent event);
}
