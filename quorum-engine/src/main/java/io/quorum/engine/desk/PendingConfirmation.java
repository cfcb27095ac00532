package io.quorum.engine.desk;

import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.OrderRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * An approved trade whose notional is above the user's confirmation threshold, waiting for the
 * user. No answer before {@code expiresAt}, on the user's (wall) clock, means no trade. It keeps the decision's {@code terms},
 * so that a confirmed fill carries the stop and target the desk voted for.
 */
public record PendingConfirmation(String id, Proposal terms, OrderRequest order, Money notional, Instant expiresAt, String reason) {
    public PendingConfirmation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reason, "reason");
    }

    public ProposalId proposalId() { return terms.id(); }
}
