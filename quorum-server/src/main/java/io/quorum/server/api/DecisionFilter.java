package io.quorum.server.api;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Outcome;
import java.time.Instant;

/** Which decisions to list; a null field does not filter. {@code from} inclusive, {@code to} exclusive. */
public record DecisionFilter(Ticker ticker, Outcome outcome, Instant from, Instant to) {
    public static final DecisionFilter NONE = new DecisionFilter(null, null, null, null);
}
