package io.quorum.server.api;

import io.quorum.engine.order.Side;
import java.time.Instant;

/**
 * A trade above the confirmation threshold, waiting for the user. {@code status} is PENDING,
 * APPROVED, DENIED or EXPIRED (no answer before {@code expiresAt} means no trade).
 */
public record ConfirmationView(String id, String proposalId, String ticker, Side side, long quantity, String notional,
                               Instant expiresAt, String status) {}
