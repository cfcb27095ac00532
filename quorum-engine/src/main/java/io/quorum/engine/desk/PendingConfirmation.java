package io.quorum.engine.desk;

import io.quorum.engine.message.ProposalId;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.OrderRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * An approved trade whose notional is above the user's confirmation threshold, waiting for the
 * user. No answer before {@code expiresAt} means no trade.
 */
public record PendingConfirmation(String id, ProposalId proposalId, OrderRequest order, Money notional, Instant expiresAt, String reason) {
    public PendingConfirmation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reason, "reason");
    }
}
