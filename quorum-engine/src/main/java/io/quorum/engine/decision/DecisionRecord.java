package io.quorum.engine.decision;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Tally;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision of the desk with everything that explains it, as the decision log shows it: the
 * DECISION ({@code journalSeq} and {@code time} are those of its journal entry), the PROPOSAL it
 * answered, every voter's vote with its reason and words, and the orders the decision caused with
 * their fills.
 *
 * <p>{@code proposalMessage} is the original PROPOSAL; null only when the journal lacks it (a
 * damaged journal). The decision's own {@link Decision#terms() terms} are the ones executed, which
 * differ from the proposal's after a Risk modification.
 */
public record DecisionRecord(SessionId session, long journalSeq, Instant time, Decision decision, AgentMessage proposalMessage,
                             List<RecordedVote> votes, List<OrderTrail> orders) {
    public DecisionRecord {
        Objects.requireNonNull(session, "session");
        if (journalSeq <= 0) throw new IllegalArgumentException("journalSeq: the journal numbers from 1, was " + journalSeq);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(decision, "decision");
        if (proposalMessage != null && !(proposalMessage.content() instanceof Proposal p && p.id().equals(decision.proposalId()))) {
            throw new IllegalArgumentException("proposalMessage: must be the PROPOSAL of " + decision.proposalId() + ", was a " + proposalMessage.type());
        }
        votes = List.copyOf(votes);
        orders = List.copyOf(orders);
    }

    public ProposalId proposalId() { return decision.proposalId(); }

    public Outcome outcome() { return decision.outcome(); }

    public Ticker ticker() { return decision.terms().ticker(); }

    public Tally tally() { return decision.tally(); }

    /** The terms as decided: the proposal's, or Risk's more conservative ones for APPROVED_MODIFIED. */
    public Proposal terms() { return decision.terms(); }

    /** The proposal as its proposer put it to the vote. */
    public Optional<Proposal> originalProposal() {
        return Optional.ofNullable(proposalMessage).map(m -> (Proposal) m.content());
    }

    public Optional<AgentRole> proposer() {
        return Optional.ofNullable(proposalMessage).map(AgentMessage::sender);
    }

    public List<ClientOrderId> orderIds() {
        List<ClientOrderId> ids = new ArrayList<>(orders.size());
        for (OrderTrail order : orders) ids.add(order.clientOrderId());
        return ids;
    }

    public long filledQuantity() { return OrderTrail.filledQuantity(fills()); }

    /** The volume-weighted price of every fill of every order; empty when nothing filled. */
    public Optional<Price> averageFillPrice() { return OrderTrail.averagePrice(fills()); }

    private List<Fill> fills() {
        List<Fill> fills = new ArrayList<>();
        for (OrderTrail order : orders) fills.addAll(order.fills());
        return fills;
    }
}
