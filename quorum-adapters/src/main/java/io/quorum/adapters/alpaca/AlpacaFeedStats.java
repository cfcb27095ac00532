package io.quorum.adapters.alpaca;

/**
 * The market data feed's counters since it was built.
 *
 * @param requests       REST requests sent, retries included
 * @param unavailable    answers that were a 429, a 5xx, a timeout or no answer at all
 * @param refused        answers that were a 401 or a 403 (keys, or a plan without the feed)
 * @param malformed      bodies that could not be read as bars (each logged and skipped)
 * @param droppedBars    bars of otherwise good pages left out: missing or inconsistent values
 * @param unknownSymbols symbols the provider said it does not know
 * @param outOfOrder     stream ticks and bars dropped for repeating or preceding what was handed on
 * @param unusable       stream quotes and bars whose prices could not be used
 * @param stream         the market stream's own counters
 */
public record AlpacaFeedStats(long requests, long unavailable, long refused, long malformed, long droppedBars, long unknownSymbols,
                              long outOfOrder, long unusable, StreamStats stream) {}
