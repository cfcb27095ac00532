package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Price;
import java.util.Optional;

/**
 * What the account's limits on exposure, VaR and stress loss say of an order, as the Risk agent
 * asks: the live {@link AccountLimitCheck} over the latest snapshot, or, when a decision is replayed,
 * the answers it gave then.
 */
public interface AccountLimits {
    /** The first limit that buying ({@code shares} positive) or selling {@code shares} would break; see {@link AccountLimitCheck#firstBreach}. */
    Optional<AccountLimitCheck.Breach> firstBreach(Ticker ticker, long sessionShares, long shares, Price price);

    /** The most shares up to {@code wanted} that break no limit; see {@link AccountLimitCheck#largestFit}. */
    long largestFit(Ticker ticker, long sessionShares, long wanted, Price price);

    /** The account's VaR or stress loss over its limit as it stands; see {@link AccountLimitCheck#tailRiskOverLimit}. */
    Optional<AccountLimitCheck.Breach> tailRiskOverLimit();

    /** The fewest held shares to sell that bring the account within its limits; see {@link AccountLimitCheck#smallestCut}. */
    long smallestCut(Ticker ticker, long held, Price price);
}
