package io.quorum.engine.bus;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the bus's counters. Bus-wide totals include subscribers that have since gone
 * (a disconnected laggard's overflows still count); {@code subscribers} lists the live mailboxes.
 *
 * @param published      messages sequenced, journaled and handed to the mailboxes
 * @param refused        drafts a guard refused
 * @param journalFailures publishes that failed because the journal hook threw
 * @param overflowed     messages a full mailbox could not take, all subscribers together
 * @param handlerErrors  handler invocations that threw, all subscribers together
 */
public record BusStats(long published, long refused, long journalFailures, long overflowed, long handlerErrors,
                       List<SubscriberStats> subscribers) {
    public BusStats {
        subscribers = List.copyOf(subscribers);
    }

    /** The live mailbox of {@code subscriber}, if it is still subscribed. */
    public Optional<SubscriberStats> of(Subscriber subscriber) {
        for (SubscriberStats stats : subscribers) {
            if (stats.subscriber().equals(subscriber)) return Optional.of(stats);
        }
        return Optional.empty();
    }

    /**
     * One mailbox's counters.
     *
     * @param depth messages queued and not yet handed to the handler
     */
    public record SubscriberStats(Subscriber subscriber, long delivered, long overflowed, long handlerErrors, int depth) {}
}
