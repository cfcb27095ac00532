package io.quorum.adapters.alpaca.trading;

/**
 * The Alpaca broker's counters since it started.
 *
 * @param requests          REST requests sent, each attempt counted
 * @param throttled         requests the venue answered 429, each waited out before the next
 * @param unknownOutcomes   submits with no answer that told what happened, each resolved by a lookup
 * @param placedAgain       submits sent again because the lookup found the venue had never seen them
 * @param inDoubt           submits whose outcome no lookup could tell yet
 * @param duplicatesDropped updates that repeated a fill or an end already reported
 * @param streamListening   whether the {@code trade_updates} stream is up
 * @param streamConnections stream connections attempted
 * @param streamDrops       stream connections lost
 * @param polls             polls of the working orders, made while the stream was down or had just come back
 * @param lastProblem       what last went wrong with the stream, in words; empty when nothing did
 */
public record AlpacaBrokerStats(long requests, long throttled, long unknownOutcomes, long placedAgain, long inDoubt, long duplicatesDropped,
                                boolean streamListening, long streamConnections, long streamDrops, long polls, String lastProblem) {}
