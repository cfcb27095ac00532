package io.quorum.engine.simulation;

import io.quorum.engine.money.Price;

/**
 * Where a simulated ticker's last price goes, tick by tick. The market's own random model is
 * the default; a test replaces it for one ticker (see {@link ScriptedPrices}) to force a
 * breakout or a gap deterministically, while the market still supplies the calendar, the
 * quote around the price, volume, bars and history.
 */
public interface PricePath {
    /** The price the path starts from; the generated daily history ends at it. */
    Price start();

    /** The last price, in micro-dollars, of the tick at {@code epochMillis}. Called once per tick, in time order. */
    long priceMicrosAt(long epochMillis);

    /** How many times the usual volume trades at {@code epochMillis}; 1 by default. */
    default double volumeMultipleAt(long epochMillis) { return 1.0; }
}
