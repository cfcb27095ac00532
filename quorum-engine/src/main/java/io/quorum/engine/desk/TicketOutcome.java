package io.quorum.engine.desk;

import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.RejectReason;

/** What became of an order from the ticket: sent to the broker, or refused with the RiskEngine's (or the broker's) sentence. */
public sealed interface TicketOutcome {
    /** The order left under {@code clientOrderId}; {@code venueKeepsStops} when its stops went with it as a bracket. */
    record Sent(ClientOrderId clientOrderId, boolean venueKeepsStops) implements TicketOutcome {}

    record Refused(RejectReason reason, String sentence) implements TicketOutcome {}
}
