package io.quorum.adapters.rss;

/**
 * The news feed's counters since it was built.
 *
 * @param reads      feeds read and understood
 * @param failures   reads that failed: no answer, too slow, or an HTTP error
 * @param malformed  answers that were not RSS or Atom (each logged and skipped)
 * @param delivered  new stories handed to the listeners
 * @param duplicates stories dropped because their guid or link was already seen
 */
public record RssFeedStats(long reads, long failures, long malformed, long delivered, long duplicates) {}
