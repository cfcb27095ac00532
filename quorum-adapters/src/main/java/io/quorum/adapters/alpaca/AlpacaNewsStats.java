package io.quorum.adapters.alpaca;

/**
 * The news feed's counters since it was built.
 *
 * @param delivered       headlines handed to the listeners
 * @param duplicates      stories dropped because their provider id was seen before
 * @param malformed       history answers that could not be read
 * @param historyFailures history requests that gave nothing (refused, unavailable or unreadable)
 * @param requests        REST requests sent, retries included
 * @param stream          the news stream's own counters
 */
public record AlpacaNewsStats(long delivered, long duplicates, long malformed, long historyFailures, long requests, StreamStats stream) {}
