package io.quorum.engine.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperBrokerTest extends BrokerContract {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Regular session, 09:30 to 16:00 New York time (holidays are the calendar's business, not the broker's). */
    private static final Predicate<Instant> REGULAR_HOURS = instant -> {
        LocalTime time = instant.atZone(NEW_YORK).toLocalTime();
        return !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(16, 0));
    };

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T15:00:00Z"));
    private final List<PaperBroker> created = new ArrayList<>();

    @Override
    protected Broker newBroker() { return paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000))); }

    @Override
    protected void quote(Ticker ticker, Price bid, Price ask) {
        long last = (bid.micros() + ask.micros()) / 2;
        for (PaperBroker paper : created) paper.onTick(new Tick(ticker, clock.millis(), last, bid.micros(), ask.micros(), 100));
    }

    private PaperBroker paper(PaperBrokerConfig config) {
        PaperBroker paper = PaperBroker.inMemory(clock, REGULAR_HOURS, config);
        created.add(paper);
        return paper;
    }

    private static Tick tick(String last, String bid, String ask) {
        return new Tick(TICKER, Instant.parse("2025-03-03T15:00:00Z").toEpochMilli(),
                Price.parse(last).micros(), Price.parse(bid).micros(), Price.parse(ask).micros(), 100);
    }

    private static Submission.Accepted accepted(Submission submission) {
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return (Submission.Accepted) submission;
    }

    @ParameterizedTest(name = "{0} with {1} bp slippage fills at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # side | slippage bp | fill (quote 99.99 / 100.01), on the cent grid: buys round up, sells down
            BUY    | 0           | 100.01
            SELL   | 0           | 99.99
            BUY    | 10          | 100.12
            SELL   | 10          | 99.89
            """)
    void market_orders_fill_at_the_touch_moved_against_the_trader_by_the_slippage(Side side, int slippage, String expected) {
        PaperBroker paper = paper(new PaperBrokerConfig(Money.ofDollars(100_000), slippage, CommissionSchedule.FREE));
        paper.onTick(tick("100", "99.99", "100.01"));

        Submission.Accepted submission = accepted(paper.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, side, 10)));

        assertThat(submission.order().fills()).singleElement().satisfies(fill -> assertThat(fill.price()).isEqualTo(Price.parse(expected)));
    }

    @ParameterizedTest(name = "{0} shares at 100 under {1} cost {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # shares | schedule                 | commission
            100      | 0.005 a share, 1 minimum | 1.00
            1000     | 0.005 a share, 1 minimum | 5.00
            100      | 5 bp                     | 5.00
            3        | 5 bp                     | 0.15
            """)
    void commission_is_charged_per_share_with_a_minimum_or_in_basis_points(long shares, String schedule, String expected) {
        CommissionSchedule commission = schedule.endsWith("bp")
                ? new CommissionSchedule.BasisPoints(Integer.parseInt(schedule.split(" ")[0]))
                : new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1"));
        PaperBroker paper = paper(new PaperBrokerConfig(Money.ofDollars(1_000_000), 0, commission));
        paper.onTick(tick("100", "100", "100"));

        Submission.Accepted submission = accepted(paper.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, shares)));

        assertThat(submission.order().fills().getFirst().commission()).isEqualTo(Money.parse(expected));
        assertThat(paper.account().cash()).isEqualTo(Money.ofDollars(1_000_000).minus(Price.parse("100").times(shares)).minus(Money.parse(expected)));
    }

    @Test
    void a_resting_sell_stop_fills_at_the_gap_price_not_at_the_stop() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
        paper.onTick(tick("100", "99.99", "100.01"));
        paper.submit(OrderRequest.market(ClientOrderId.of("buy"), TICKER, Side.BUY, 10));
        accepted(paper.submit(OrderRequest.stop(ClientOrderId.of("stop"), TICKER, Side.SELL, 10, Price.parse("95"))));

        paper.onTick(tick("96", "95.99", "96.01"));
        assertThat(paper.findByClientOrderId(ClientOrderId.of("stop")).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        paper.onTick(tick("90", "89.95", "90.05"));

        assertThat(paper.findByClientOrderId(ClientOrderId.of("stop")).orElseThrow().fills())
                .singleElement().satisfies(fill -> assertThat(fill.price()).isEqualTo(Price.parse("89.95")));
    }

    @Test
    void a_limit_order_never_fills_worse_than_its_limit_even_with_slippage() {
        PaperBroker paper = paper(new PaperBrokerConfig(Money.ofDollars(100_000), 50, CommissionSchedule.FREE));
        paper.onTick(tick("100", "99.99", "100.01"));

        Submission.Accepted submission = accepted(paper.submit(OrderRequest.limit(ClientOrderId.of("o1"), TICKER, Side.BUY, 10, Price.parse("100.05"))));

        assertThat(submission.order().fills().getFirst().price()).isEqualTo(Price.parse("100.05"));
    }

    @Test
    void orders_outside_trading_hours_are_rejected() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
        paper.onTick(tick("100", "99.99", "100.01"));
        clock.advance(Duration.ofHours(7));

        Submission submission = paper.submit(OrderRequest.market(ClientOrderId.of("late"), TICKER, Side.BUY, 10));

        assertThat(submission).isInstanceOfSatisfying(Submission.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.OUTSIDE_TRADING_HOURS));
    }

    @Test
    void a_market_order_without_a_quote_is_rejected() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));

        Submission submission = paper.submit(OrderRequest.market(ClientOrderId.of("blind"), Ticker.of("MSFT"), Side.BUY, 10));

        assertThat(submission).isInstanceOfSatisfying(Submission.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.NO_MARKET_PRICE));
    }

    @Test
    void a_short_sets_aside_its_proceeds_and_half_its_value_again_as_margin() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(10_000)));
        paper.onTick(tick("100", "100", "100"));

        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("short"), TICKER, Side.SELL, 40)));

        Account account = paper.account();
        assertThat(account.cash()).isEqualTo(Money.ofDollars(14_000));
        assertThat(account.buyingPower()).isEqualTo(Money.ofDollars(8_000));
        assertThat(account.equity()).isEqualTo(Money.ofDollars(10_000));
        Submission tooMuch = paper.submit(OrderRequest.market(ClientOrderId.of("short-more"), TICKER, Side.SELL, 161));
        assertThat(tooMuch).isInstanceOf(Submission.Rejected.class);
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("short-most"), TICKER, Side.SELL, 160)));
        assertThat(paper.account().buyingPower()).isEqualTo(Money.ZERO);
    }

    @Test
    void selling_a_holding_is_allowed_even_when_buying_power_is_spent() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(10_000)));
        paper.onTick(tick("100", "100", "100"));
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("all-in"), TICKER, Side.BUY, 100)));
        assertThat(paper.account().buyingPower()).isEqualTo(Money.ZERO);

        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("out"), TICKER, Side.SELL, 100)));

        assertThat(paper.account().cash()).isEqualTo(Money.ofDollars(10_000));
    }

    @Test
    void the_paper_account_reads_its_state_from_the_store_it_was_given() {
        InMemoryPaperAccountStore store = new InMemoryPaperAccountStore(Money.ofDollars(50_000));
        PaperBroker first = new PaperBroker(clock, REGULAR_HOURS, PaperBrokerConfig.frictionless(Money.ofDollars(50_000)), store);
        first.onTick(tick("100", "100", "100"));
        first.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, 10));

        PaperBroker restarted = new PaperBroker(clock, REGULAR_HOURS, PaperBrokerConfig.frictionless(Money.ofDollars(50_000)), store);

        assertThat(restarted.positions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(10));
        assertThat(accepted(restarted.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, 10))).order().status())
                .as("a retry after a restart places nothing").isEqualTo(OrderStatus.FILLED);
        assertThat(restarted.account().cash()).isEqualTo(Money.ofDollars(49_000));
    }
}
