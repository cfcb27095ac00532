package io.quorum.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.DailyHistory;
import io.quorum.engine.portfolio.Portfolio;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskEngineTest {
    private static final SessionId SESSION = SessionId.of("s1");
    private static final Ticker NVDA = Ticker.of("NVDA");
    private static final Price PRICE = Price.parse("100");

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-04T15:00:00Z"));
    private final RiskEngine risk = new RiskEngine(clock, instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC));
    private int number;

    private OrderRequest order(Side side, long quantity) {
        return OrderRequest.market(ClientOrderId.of("o" + ++number), NVDA, side, quantity);
    }

    private static PreTradeContext context(OrderIntent intent, long held, String buyingPower) {
        return new PreTradeContext(intent, RiskLimits.defaults(), Money.ofDollars(100_000), held, PRICE, 0, Money.parse(buyingPower), Money.ZERO, true, true);
    }

    private RejectReason verdict(OrderRequest order, PreTradeContext context) {
        return risk.check(SESSION, order, context) instanceof PreTradeResult.Refused refused ? refused.reason() : null;
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(nullValues = "PASS", textBlock = """
            ACTIVE,   OPEN,   PASS
            ACTIVE,   REDUCE, PASS
            ACTIVE,   EXIT,   PASS
            REDUCING, OPEN,   REDUCE_ONLY
            REDUCING, REDUCE, PASS
            REDUCING, EXIT,   PASS
            HALTED,   OPEN,   TRADING_HALTED
            HALTED,   REDUCE, TRADING_HALTED
            HALTED,   EXIT,   PASS
            """)
    void the_trading_state_decides_which_orders_may_leave(TradingState state, OrderIntent intent, RejectReason refusal) {
        risk.changeState(SESSION, state, "a test says so");
        Side side = intent == OrderIntent.OPEN ? Side.BUY : Side.SELL;

        assertThat(verdict(order(side, 10), context(intent, 50, "100000"))).isEqualTo(refusal);
    }

    @Test
    void an_order_that_would_push_the_accounts_var_over_its_limit_is_refused_in_numbers_and_a_reducing_one_is_not() {
        DailyHistory history = new DailyHistory(250);
        List<Bar> bars = new ArrayList<>();
        for (int day = 0; day <= 250; day++) {
            long close = day % 2 == 0 ? 100_000_000 : 102_000_000;   // 100 and 102 on alternate days, the last at 100
            bars.add(new Bar(NVDA, Instant.parse("2024-01-01T14:30:00Z").plus(Duration.ofDays(day)), MarketDataFeed.DAILY, close, close, close, close, 1_000));
        }
        history.remember(NVDA, bars, "Technology");
        RiskSettings settings = RiskSettings.defaults().withLimits(new PortfolioLimits(BigDecimal.valueOf(200), BigDecimal.valueOf(100),
                BigDecimal.valueOf(60), new BigDecimal("0.3"), BigDecimal.valueOf(25)));
        risk.checkAccountWith(() -> Optional.of(new AccountLimitCheck(Portfolio.of(Money.ofDollars(100_000), List.of(), history.sectors()), history.model(), settings)));

        PreTradeResult tooMuch = risk.check(SESSION, order(Side.BUY, 200), context(OrderIntent.OPEN, 0, "100000"));
        PreTradeResult fits = risk.check(SESSION, order(Side.BUY, 150), context(OrderIntent.OPEN, 0, "100000"));
        PreTradeResult closing = risk.check(SESSION, order(Side.SELL, 250), context(OrderIntent.EXIT, 250, "100000"));

        assertThat(tooMuch).isEqualTo(new PreTradeResult.Refused(RejectReason.MAX_VALUE_AT_RISK,
                "Refused: VaR 99% would go from 0% to 0.39% of equity, above the 0.3% limit"));
        assertThat(fits).isEqualTo(PreTradeResult.PASS);
        assertThat(closing).isEqualTo(PreTradeResult.PASS);
    }

    @Test
    void a_halted_session_stays_halted_and_every_change_says_from_what_to_what_and_why() {
        assertThat(risk.changeState(SESSION, TradingState.REDUCING, "positions disagree")).hasValueSatisfying(change -> {
            assertThat(change.from()).isEqualTo(TradingState.ACTIVE);
            assertThat(change.to()).isEqualTo(TradingState.REDUCING);
            assertThat(change.describe()).isEqualTo("Trading reducing only (was trading normally): positions disagree");
        });
        assertThat(risk.changeState(SESSION, TradingState.HALTED, "the session stopped")).isPresent();

        assertThat(risk.changeState(SESSION, TradingState.ACTIVE, "positions agree")).isEmpty();
        assertThat(risk.state(SESSION)).isEqualTo(TradingState.HALTED);
        assertThat(risk.stateReason(SESSION)).contains("the session stopped");
    }

    @Test
    void a_second_close_while_the_first_is_working_finds_nothing_left_to_close() {
        OrderRequest first = order(Side.SELL, 50);
        assertThat(verdict(first, context(OrderIntent.EXIT, 50, "0"))).isNull();
        risk.sent(SESSION, first, OrderIntent.EXIT, PRICE);

        assertThat(verdict(order(Side.SELL, 50), context(OrderIntent.EXIT, 50, "0"))).isEqualTo(RejectReason.BEYOND_POSITION);
        risk.filled(first.clientOrderId(), 20);
        assertThat(risk.workingQuantity(SESSION, NVDA)).isEqualTo(-30);
        risk.done(first.clientOrderId());
        assertThat(verdict(order(Side.SELL, 30), context(OrderIntent.EXIT, 30, "0"))).as("once it is cancelled, the rest may be closed").isNull();
    }

    @Test
    void orders_that_add_exposure_share_the_buying_power_with_the_ones_still_working() {
        OrderRequest first = order(Side.BUY, 60);
        assertThat(verdict(first, context(OrderIntent.OPEN, 0, "10000"))).isNull();
        risk.sent(SESSION, first, OrderIntent.OPEN, PRICE);
        clock.advance(Duration.ofSeconds(10));

        assertThat(verdict(order(Side.BUY, 61), context(OrderIntent.OPEN, 0, "10000"))).as("$6,000 of the $10,000 is taken").isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
        risk.done(first.clientOrderId());
        assertThat(verdict(order(Side.BUY, 61), context(OrderIntent.OPEN, 0, "10000"))).isNull();
    }

    @Test
    void a_trade_counts_when_its_order_is_sent_and_the_count_starts_again_each_trading_day() {
        risk.sent(SESSION, order(Side.BUY, 10), OrderIntent.OPEN, PRICE);
        risk.sent(SESSION, order(Side.SELL, 10), OrderIntent.EXIT, PRICE);
        assertThat(risk.tradesToday(SESSION)).as("an exit adds no exposure").isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        assertThat(risk.tradesToday(SESSION)).isZero();
    }
}
