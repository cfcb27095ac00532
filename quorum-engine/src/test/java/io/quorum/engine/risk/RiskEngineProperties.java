package io.quorum.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.DailyHistory;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.position.Position;
import io.quorum.engine.position.Protection;
import io.quorum.engine.session.SizingRule;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random interleavings of the commands that reach the RiskEngine (opens, closes, partial fills,
 * rejections, limit changes), against a position kept from the fills alone; and orders sized by
 * every sizing rule, against every limit in force.
 */
class RiskEngineProperties {
    private static final SessionId SESSION = SessionId.of("s1");
    private static final Ticker NVDA = Ticker.of("NVDA");
    private static final Price PRICE = Price.parse("100");
    private static final Money EQUITY = Money.ofDollars(100_000);

    /** One step: kind 0 open, 1 close, 2 exit, 3 fill part of the oldest working order, 4 reject it, 5 change the position limit. */
    record Step(int kind, int amount) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.integers().between(0, 5).flatMap(kind -> Arbitraries.integers().between(1, 300).map(amount -> new Step(kind, amount)));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void reducing_orders_never_take_the_position_beyond_flat_and_no_order_ever_exceeds_the_limit_in_force(@ForAll("steps") List<Step> steps) {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-04T15:00:00Z"));
        RiskEngine risk = new RiskEngine(clock, instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
        List<OrderRequest> working = new ArrayList<>();
        List<Long> remaining = new ArrayList<>();
        long held = 0;
        BigDecimal maxPositionPct = BigDecimal.valueOf(25);
        int number = 0;

        for (Step step : steps) {
            clock.advance(Duration.ofSeconds(6)); // beyond the duplicate window: every order is judged on its limits
            switch (step.kind()) {
                case 0, 1, 2 -> {
                    OrderIntent intent = step.kind() == 0 ? OrderIntent.OPEN : step.kind() == 1 ? OrderIntent.REDUCE : OrderIntent.EXIT;
                    Side side = intent == OrderIntent.OPEN ? (step.amount() % 2 == 0 ? Side.BUY : Side.SELL) : (held >= 0 ? Side.SELL : Side.BUY);
                    OrderRequest order = OrderRequest.market(ClientOrderId.of("o" + ++number), NVDA, side, step.amount());
                    RiskLimits limits = new RiskLimits(maxPositionPct, BigDecimal.valueOf(5), 1_000, BigDecimal.valueOf(5), Duration.ofSeconds(5));
                    PreTradeContext context = new PreTradeContext(intent, limits, EQUITY, held, PRICE, 0, Money.ofDollars(1_000_000), Money.ZERO, true, true);
                    if (risk.check(SESSION, order, context) instanceof PreTradeResult.Pass) {
                        long before = held + risk.workingQuantity(SESSION, NVDA);
                        long signed = side == Side.BUY ? step.amount() : -step.amount();
                        long after = before + signed;
                        if (intent == OrderIntent.OPEN && Math.abs(after) > Math.abs(before)) {
                            assertThat(PRICE.times(Math.abs(after)).percentOf(EQUITY, 1)).as("exposure once every working order fills").isLessThanOrEqualTo(maxPositionPct);
                        } else if (intent != OrderIntent.OPEN) {
                            assertThat(Long.signum(after) * Long.signum(before)).as("a reducing order never crosses zero").isGreaterThanOrEqualTo(0);
                            assertThat(Math.abs(after)).isLessThan(Math.abs(before));
                        }
                        risk.sent(SESSION, order, intent, PRICE);
                        working.add(order);
                        remaining.add((long) step.amount());
                    }
                }
                case 3 -> {
                    if (working.isEmpty()) continue;
                    long part = Math.min(remaining.getFirst(), step.amount());
                    OrderRequest order = working.getFirst();
                    held += order.side() == Side.BUY ? part : -part;
                    risk.filled(order.clientOrderId(), part);
                    if (remaining.getFirst() == part) {
                        working.removeFirst();
                        remaining.removeFirst();
                    } else {
                        remaining.set(0, remaining.getFirst() - part);
                    }
                }
                case 4 -> {
                    if (working.isEmpty()) continue;
                    risk.done(working.removeFirst().clientOrderId());
                    remaining.removeFirst();
                }
                default -> maxPositionPct = BigDecimal.valueOf(1 + step.amount() % 30);
            }
            long workingSigned = 0;
            for (int i = 0; i < working.size(); i++) workingSigned += working.get(i).side() == Side.BUY ? remaining.get(i) : -remaining.get(i);
            assertThat(risk.workingQuantity(SESSION, NVDA)).as("the RiskEngine's books match the orders still working").isEqualTo(workingSigned);
        }
    }

    /** A sizing rule with inputs within its bounds. */
    @Provide
    Arbitrary<SizingRule> rules() {
        Arbitrary<BigDecimal> pct = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.TEN).ofScale(2);
        return Arbitraries.oneOf(
                pct.map(SizingRule.FixedFractional::new),
                Combinators.combine(pct, Arbitraries.bigDecimals().between(new BigDecimal("0.25"), BigDecimal.TEN).ofScale(2)).as(SizingRule.AtrMultiple::new),
                pct.map(SizingRule.VolatilityTarget::new),
                Arbitraries.longs().between(1, 2_000_000).map(dollars -> new SizingRule.FixedAmount(Money.ofDollars(dollars))));
    }

    /**
     * Whatever the rule, the account, what is held and the limits in force: the size the sizer
     * gives, bought below a stop under the entry or sold short below one above it, passes the
     * RiskEngine's every check, the position limit and the account's exposure, VaR and stress
     * limits among them.
     */
    @Property(tries = 300)
    void an_order_sized_by_any_rule_never_exceeds_a_limit_in_force(
            @ForAll("rules") SizingRule rule,
            @ForAll @IntRange(min = 10_000, max = 1_000_000) int cashDollars,
            @ForAll @IntRange(min = -400, max = 400) int held,
            @ForAll @IntRange(min = -2_000, max = 2_000) int stopCents,
            @ForAll @IntRange(min = 0, max = 800) int atrCents,
            @ForAll @IntRange(min = 1, max = 40) int maxPositionPct,
            @ForAll @IntRange(min = 10, max = 200) int grossPct,
            @ForAll @IntRange(min = 10, max = 100) int netPct,
            @ForAll @IntRange(min = 5, max = 60) int sectorPct,
            @ForAll @IntRange(min = 1, max = 500) int varHundredths,
            @ForAll @IntRange(min = 1, max = 25) int stressPct) {
        if (stopCents == 0) stopCents = 1;
        List<Position> positions = held == 0 ? List.of() : List.of(position(held));
        Portfolio portfolio = Portfolio.of(Money.ofDollars(cashDollars), positions, Map.of(NVDA, "Technology"));
        PortfolioLimits portfolioLimits = new PortfolioLimits(BigDecimal.valueOf(grossPct), BigDecimal.valueOf(netPct), BigDecimal.valueOf(sectorPct),
                BigDecimal.valueOf(varHundredths, 2), BigDecimal.valueOf(stressPct));
        AccountLimitCheck account = new AccountLimitCheck(portfolio, SEESAW.model(), RiskSettings.defaults().withLimits(portfolioLimits));
        Money equity = portfolio.equity();
        Price stop = Price.ofMicros(PRICE.micros() - stopCents * 10_000L);

        long shares = new PositionSizer(rule, BigDecimal.valueOf(maxPositionPct)).suggested(equity, PRICE, stop, atrCents * 10_000L, account, NVDA, held);

        assertThat(shares).isNotNegative();
        if (shares == 0) return;
        Side side = stop.isBelow(PRICE) ? Side.BUY : Side.SELL;
        RiskEngine risk = new RiskEngine(new ManualClock(Instant.parse("2025-03-04T15:00:00Z")), instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
        risk.checkAccountWith(() -> Optional.of(account));
        RiskLimits limits = new RiskLimits(BigDecimal.valueOf(maxPositionPct), BigDecimal.valueOf(5), 1_000, BigDecimal.valueOf(5), Duration.ofSeconds(5));
        PreTradeContext context = new PreTradeContext(OrderIntent.OPEN, limits, equity, held, PRICE, 0, Money.ofDollars(1_000_000_000), Money.ZERO, true, true);
        OrderRequest order = OrderRequest.market(ClientOrderId.of("sized"), NVDA, side, shares);

        assertThat(risk.check(SESSION, order, context)).as(rule + " sized " + shares + " shares").isInstanceOf(PreTradeResult.Pass.class);
    }

    /** NVDA closes at 100 and 102 on alternate days for a year: a long loses 1.96% on its bad days. */
    private static final DailyHistory SEESAW = seesaw();

    private static DailyHistory seesaw() {
        DailyHistory history = new DailyHistory(250);
        List<Bar> bars = new ArrayList<>();
        Instant day = Instant.parse("2024-01-01T21:00:00Z");
        for (int i = 0; i <= 250; i++) {
            long close = (i % 2 == 0 ? 100 : 102) * 1_000_000L;
            bars.add(new Bar(NVDA, day.plus(Duration.ofDays(i)), MarketDataFeed.DAILY, close, close, close, close, 1_000));
        }
        history.remember(NVDA, bars, "Technology");
        return history;
    }

    private static Position position(long signedShares) {
        long shares = Math.abs(signedShares);
        return new Position(SESSION, NVDA, signedShares > 0 ? Direction.LONG : Direction.SHORT, shares, PRICE.times(shares), new BigDecimal("100"),
                new Protection(null, null, null), null, PRICE, Instant.EPOCH, PRICE, Money.ZERO, Money.ZERO, false);
    }
}
