package io.quorum.server.api;

/**
 * What became of an order from the ticket. Refused is an answer, not an error: the refusal is
 * journaled and said in the conversation like any other.
 *
 * @param outcome        SENT or REFUSED
 * @param clientOrderId  the order's id when sent, else null
 * @param stopsKeptBy    VENUE when its stop and target went with it as a bracket, DESK otherwise; null when refused
 * @param reason         the refusal's code (a RejectReason), null when sent
 * @param sentence       the refusal in words, the RiskEngine's or the broker's; null when sent
 */
public record TicketReceipt(String outcome, String clientOrderId, String stopsKeptBy, String reason, String sentence) {
    public static TicketReceipt sent(String clientOrderId, boolean venueKeepsStops) {
        return new TicketReceipt("SENT", clientOrderId, venueKeepsStops ? "VENUE" : "DESK", null, null);
    }

    public static TicketReceipt refused(String reason, String sentence) { return new TicketReceipt("REFUSED", null, null, reason, sentence); }
}
