package io.quorum.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck.Breach;
import io.quorum.engine.portfolio.AccountLimitCheck.Limit;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AAPL (Technology) closes at 100 and 102 on alternate days: a long loses 1.96% on its bad days, so
 * its VaR 99% is 1.96% of its value. XOM (Energy) moves the other way. The account has $100,000 cash.
 */
class AccountLimitCheckTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Ticker XOM = Ticker.of("XOM");
    private static final Price HUNDRED = Price.parse("100");
    private static final Money CASH = Money.ofDollars(100_000);

    private final DailyHistory history = new DailyHistory(250);

    AccountLimitCheckTest() {
        history.remember(AAPL, seesaw(AAPL, true), "Technology");
        history.remember(XOM, seesaw(XOM, false), "Energy");
    }

    @Test
    void each_exposure_limit_refuses_with_its_numbers() {
        assertThat(breach(limits("30", "100", "60", "5", "25"), 400)).contains(new Breach(Limit.GROSS_EXPOSURE,
                "gross exposure would go from 0% to 40% of equity, above the 30% limit"));
        assertThat(breach(limits("200", "35", "60", "5", "25"), 400)).contains(new Breach(Limit.NET_EXPOSURE,
                "net exposure would go from 0% to 40% of equity, above the 35% limit"));
        assertThat(breach(limits("200", "100", "25", "5", "25"), 400)).contains(new Breach(Limit.SECTOR_EXPOSURE,
                "Technology exposure would go from 0% to 40% of equity, above the 25% limit"));
        assertThat(breach(limits("200", "100", "60", "0.5", "25"), 400)).contains(new Breach(Limit.VALUE_AT_RISK,
                "VaR 99% would go from 0% to 0.78% of equity, above the 0.5% limit"));
        assertThat(breach(limits("200", "100", "60", "5", "3"), 400)).contains(new Breach(Limit.STRESS_LOSS,
                "the worst stress loss would go from 0% to 8% of equity, above the 3% limit"));
        assertThat(breach(PortfolioLimits.defaults(), 400)).isEmpty();
    }

    @Test
    void the_largest_size_that_fits_the_var_limit_is_found_and_one_share_more_would_not_fit() {
        AccountLimitCheck check = new AccountLimitCheck(Portfolio.of(CASH, List.of(), history.sectors()), history.model(),
                RiskSettings.defaults().withLimits(limits("200", "100", "60", "0.25", "25")));

        // VaR 99% of n shares is n × 100 × 2/102 dollars: at most $250 is 127 shares.
        assertThat(check.largestFit(AAPL, 0, 300, HUNDRED)).isEqualTo(127);
        assertThat(check.firstBreach(AAPL, 0, 128, HUNDRED)).map(Breach::limit).contains(Limit.VALUE_AT_RISK);
        assertThat(check.largestFit(AAPL, 0, 100, HUNDRED)).as("what fits whole is kept whole").isEqualTo(100);
    }

    @Test
    void a_hedge_is_not_refused_for_a_breach_the_market_made() {
        Portfolio overTheLimit = Portfolio.of(CASH, List.of(position(AAPL, 400)), history.sectors());
        AccountLimitCheck check = new AccountLimitCheck(overTheLimit, history.model(), RiskSettings.defaults().withLimits(limits("200", "100", "60", "0.5", "25")));

        assertThat(check.valueAtRisk(overTheLimit.exposureByTicker()).toBigDecimal()).isGreaterThan(new BigDecimal("500"));
        assertThat(check.firstBreach(XOM, 0, 300, HUNDRED)).as("XOM moves against AAPL: the VaR falls").isEmpty();
        assertThat(check.firstBreach(AAPL, 0, 1, HUNDRED)).map(Breach::limit).contains(Limit.VALUE_AT_RISK);
    }

    private Optional<Breach> breach(PortfolioLimits limits, long shares) {
        return new AccountLimitCheck(Portfolio.of(CASH, List.of(), history.sectors()), history.model(), RiskSettings.defaults().withLimits(limits))
                .firstBreach(AAPL, 0, shares, HUNDRED);
    }

    private static PortfolioLimits limits(String gross, String net, String sector, String var, String stress) {
        return new PortfolioLimits(new BigDecimal(gross), new BigDecimal(net), new BigDecimal(sector), new BigDecimal(var), new BigDecimal(stress));
    }

    private static Position position(Ticker ticker, long shares) {
        return new Position(SessionId.random(), ticker, Direction.LONG, shares, HUNDRED.times(shares), new BigDecimal("100"), new Protection(null, null, null),
                null, HUNDRED, Instant.EPOCH, HUNDRED, Money.ZERO, Money.ZERO, false);
    }

    /** 251 closes alternating 100 and 102 (AAPL) or 102 and 100 (XOM), the last at 100. */
    private static List<Bar> seesaw(Ticker ticker, boolean endsLow) {
        List<String> closes = new ArrayList<>();
        for (int day = 0; day <= 250; day++) closes.add((day % 2 == 0) == endsLow ? "100" : "102");
        return DailyBars.closing(ticker, LocalDate.of(2024, 1, 1), closes.toArray(String[]::new));
    }
}
