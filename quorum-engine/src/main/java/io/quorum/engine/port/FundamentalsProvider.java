package io.quorum.engine.port;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import java.util.Optional;

/** Valuation facts per ticker. Empty when the provider has none for that ticker. */
public interface FundamentalsProvider {
    Optional<Fundamentals> fundamentals(Ticker ticker);
}
