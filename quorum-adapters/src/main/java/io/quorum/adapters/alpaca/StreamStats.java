package io.quorum.adapters.alpaca;

import java.util.Set;

/**
 * One stream's counters since it was built.
 *
 * @param connections     connections attempted, the first one included
 * @param authentications connections the server authenticated
 * @param drops           connections lost or given up (closed by the server, failed, or dropped after an error)
 * @param providerErrors  error messages the server sent (auth failed, symbol limit exceeded, …)
 * @param unreadable      messages or frames that could not be read, each skipped
 * @param subscribed      the symbols the server last confirmed, on any channel
 * @param lastProblem     what last went wrong, in words; empty when nothing did
 */
public record StreamStats(long connections, long authentications, long drops, long providerErrors, long unreadable,
                          Set<String> subscribed, String lastProblem) {
    public StreamStats { subscribed = Set.copyOf(subscribed); }
}
