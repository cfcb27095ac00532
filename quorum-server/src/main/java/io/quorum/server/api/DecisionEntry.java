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

    public record OrderView(String clientOrderId, Side side, long quantity, String status, List<FillView> fills) {}

    public record FillView(String price, long quantity, Instant time) {}
}
