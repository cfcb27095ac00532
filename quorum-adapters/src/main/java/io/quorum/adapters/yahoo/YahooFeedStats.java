package io.quorum.adapters.yahoo;

/**
 * The feed's counters since it was built.
 *
 * @param requests       requests sent to the chart endpoint
 * @param unavailable    answers that were a 429, a 5xx, a refusal or no answer at all
 * @param malformed      bodies that could not be read as a chart (each logged and skipped)
 * @param droppedPoints  points of otherwise good charts left out: null or inconsistent
 * @param unknownSymbols symbols the provider said it does not know
 */
public record YahooFeedStats(long requests, long unavailable, long malformed, long droppedPoints, long unknownSymbols) {}
