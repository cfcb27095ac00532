package io.quorum.server.api;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.order.Side;
import java.time.Instant;
import java.util.List;

/** One decision of the desk with its tally, each vote, the terms decided and the orders it led to. */
public record DecisionEntry(long seq, Instant time, String proposalId, String ticker, TradeAction action, Outcome outcome,
                            TallyView tally, List<VoteView> votes, ProposalView terms, String text, List<OrderView> orders) {

    public record TallyView(int approvals, int rejections, int abstentions, boolean vetoed, int quorum, int voters) {}

    /** {@code received=false}: the voter did not answer in time and counted as ABSTAIN. */
    public record VoteView(AgentRole voter, VoteChoice choice, String reason, boolean received) {}

    /**
     * An order the decision led to. {@code side} and {@code quantity} are null for an order the desk's
     * checks refused before it was sent: only its refusal was recorded. {@code refusal} says why an
     * order was refused, in words; null when it was not.
     */
    public record OrderView(String clientOrderId, Side side, Long quantity, String status, String refusal, List<FillView> fills) {}

    public record FillView(String price, long quantity, Instant time) {}
}
