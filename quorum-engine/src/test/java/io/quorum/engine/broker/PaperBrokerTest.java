package io.quorum.engine.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.order.TimeInForce;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperBrokerTest extends BrokerContract {
    private static final CommissionSchedule PER_SHARE = new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1"));

    /** A Monday, 10:00 in New York: the regular session runs until 16:00. Every new broker starts then, on a clock of its own. */
    private static final Instant MORNING = Instant.parse("2025-03-03T15:00:00Z");

    /** The clock of the broker made last. */
    private ManualClock clock = new ManualClock(MORNING);
    private final List<PaperBroker> created = new CopyOnWriteArrayList<>();

    @Override
    protected Broker newBroker() { return paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000))); }

    @Override
    protected Broker newBroker(long maxFillQuantity) {
        return paper(new PaperBrokerConfig(Money.ofDollars(100_000), 2, PER_SHARE).withMaxFillQuantity(maxFillQuantity));
    }

    @Override
    protected Broker newBrokerKeepingBrackets() { return paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)).withBrackets()); }

    @Override
    protected void quote(Ticker ticker, Price bid, Price ask) {
        long last = (bid.micros() + ask.micros()) / 2;
        for (PaperBroker paper : created) paper.onTick(new Tick(ticker, clock.millis(), last, bid.micros(), ask.micros(), 100));
    }

    @Override
    protected void passTheClose() { clock.advance(Duration.ofHours(7)); }

    @Override
    protected void release(Broker finished) { created.remove(finished); }

    private PaperBroker paper(PaperBrokerConfig config) {
        clock = new ManualClock(MORNING);
        PaperBroker paper = PaperBroker.inMemory(clock, ExchangeCalendar.NYSE, config);
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
                : PER_SHARE;
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
        PaperBroker first = new PaperBroker(clock, ExchangeCalendar.NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(50_000)), store);
        first.onTick(tick("100", "100", "100"));
        first.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, 10));

        PaperBroker restarted = new PaperBroker(clock, ExchangeCalendar.NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(50_000)), store);

        assertThat(restarted.positions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(10));
        assertThat(accepted(restarted.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, 10))).order().status())
                .as("a retry after a restart places nothing").isEqualTo(OrderStatus.FILLED);
        assertThat(restarted.account().cash()).isEqualTo(Money.ofDollars(49_000));
    }
    private static List<OrderEvent> recorded(PaperBroker paper) {
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        paper.onOrderEvent(events::add);
        return events;
    }

    @Test
    void a_resting_order_the_account_can_no_longer_pay_for_is_rejected_when_it_comes_to_fill() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(10_000)));
        List<OrderEvent> events = recorded(paper);
        paper.onTick(tick("100", "99.99", "100.01"));
        accepted(paper.submit(OrderRequest.limit(ClientOrderId.of("bid"), TICKER, Side.BUY, 80, Price.parse("95"))));
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("spend"), TICKER, Side.BUY, 60)));

        paper.onTick(tick("94.93", "94.90", "94.95"));

        assertThat(events).filteredOn(event -> event.clientOrderId().equals(ClientOrderId.of("bid"))).satisfiesExactly(
                accepted -> assertThat(accepted).isInstanceOf(OrderEvent.Accepted.class),
                rejected -> assertThat(rejected).isInstanceOfSatisfying(OrderEvent.Rejected.class, late -> {
                    assertThat(late.reason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
                    assertThat(late.filledQuantity()).isZero();
                }));
        assertThat(paper.findByClientOrderId(ClientOrderId.of("bid")).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(paper.account().cash()).as("only the market buy was paid for").isEqualTo(Money.ofDollars(10_000).minus(Price.parse("100.01").times(60)));
    }

    @Test
    void a_late_rejection_keeps_the_parts_already_filled() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(10_000)).withMaxFillQuantity(50));
        List<OrderEvent> events = recorded(paper);
        paper.onTick(tick("100", "100", "100"));
        accepted(paper.submit(OrderRequest.limit(ClientOrderId.of("bid"), TICKER, Side.BUY, 90, Price.parse("100"))));
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("spend"), TICKER, Side.BUY, 40)));

        paper.onTick(tick("100", "100", "100"));

        assertThat(events.getLast()).isInstanceOfSatisfying(OrderEvent.Rejected.class, late -> {
            assertThat(late.clientOrderId()).isEqualTo(ClientOrderId.of("bid"));
            assertThat(late.filledQuantity()).isEqualTo(50);
        });
        assertThat(paper.positions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(90));
        assertThat(paper.account().cash()).isEqualTo(Money.ofDollars(1_000));
    }

    @ParameterizedTest(name = "{0} shares, at most {1} a quote: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # shares | depth | fills, one per quote
            10       | 4     | 4 4 2
            10       | 5     | 5 5
            10       | 10    | 10
            3        | 100   | 3
            """)
    void a_market_order_fills_at_most_the_depth_per_quote(long shares, long depth, String parts) {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)).withMaxFillQuantity(depth));
        paper.onTick(tick("100", "99.99", "100.01"));
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, shares)));
        for (int i = 0; i < 5; i++) paper.onTick(tick("100", "99.99", "100.01"));

        assertThat(paper.findByClientOrderId(ClientOrderId.of("o1")).orElseThrow().fills()).extracting(fill -> String.valueOf(fill.quantity()))
                .containsExactly(parts.split(" "));
    }

    @Test
    void each_part_of_an_order_pays_its_own_commission() {
        PaperBroker paper = paper(new PaperBrokerConfig(Money.ofDollars(100_000), 0, PER_SHARE).withMaxFillQuantity(100));
        paper.onTick(tick("100", "100", "100"));
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, 300)));
        paper.onTick(tick("100", "100", "100"));
        paper.onTick(tick("100", "100", "100"));

        assertThat(paper.account().cash()).as("three $1 minimums, not one $1.50").isEqualTo(Money.ofDollars(100_000 - 30_000 - 3));
    }

    @Test
    void a_day_order_expires_at_the_close_of_its_session_even_when_the_broker_notices_the_next_morning() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)).withMaxFillQuantity(4));
        List<OrderEvent> events = recorded(paper);
        paper.onTick(tick("100", "99.99", "100.01"));
        accepted(paper.submit(OrderRequest.market(ClientOrderId.of("o1"), TICKER, Side.BUY, 10)));

        clock.advance(Duration.ofHours(24));
        paper.onTick(tick("100", "99.99", "100.01"));

        assertThat(events.getLast()).isEqualTo(new OrderEvent.Expired(ClientOrderId.of("o1"), 4, 6, Instant.parse("2025-03-03T21:00:00Z")));
        assertThat(paper.positions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(4));
        assertThat(paper.account().cash()).as("only the 4 shares filled were paid for").isEqualTo(Money.ofDollars(100_000).minus(Price.parse("100.01").times(4)));
    }

    @Test
    void an_order_placed_today_does_not_expire_with_yesterdays() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
        List<OrderEvent> events = recorded(paper);
        paper.onTick(tick("100", "99.99", "100.01"));
        accepted(paper.submit(OrderRequest.limit(ClientOrderId.of("monday"), TICKER, Side.BUY, 10, Price.parse("90"))));
        clock.advance(Duration.ofHours(24));
        accepted(paper.submit(OrderRequest.limit(ClientOrderId.of("tuesday"), TICKER, Side.BUY, 10, Price.parse("90"))));

        paper.onTick(tick("100", "99.99", "100.01"));

        assertThat(paper.findByClientOrderId(ClientOrderId.of("monday")).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(paper.findByClientOrderId(ClientOrderId.of("tuesday")).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(events).filteredOn(OrderEvent.Expired.class::isInstance).extracting(OrderEvent::clientOrderId).containsExactly(ClientOrderId.of("monday"));
    }

    @Test
    void an_order_placed_by_a_listener_has_its_events_delivered_after_the_event_that_caused_it() {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        paper.onOrderEvent(event -> {
            first.add(event.getClass().getSimpleName() + " " + event.clientOrderId());
            if (event instanceof OrderEvent.Filled filled && filled.clientOrderId().equals(ClientOrderId.of("entry"))) {
                paper.submit(OrderRequest.market(ClientOrderId.of("exit"), TICKER, Side.SELL, 10));
            }
        });
        paper.onOrderEvent(event -> second.add(event.getClass().getSimpleName() + " " + event.clientOrderId()));
        paper.onTick(tick("100", "99.99", "100.01"));

        paper.submit(OrderRequest.market(ClientOrderId.of("entry"), TICKER, Side.BUY, 10));

        assertThat(first).containsExactly("Accepted entry", "Filled entry", "Accepted exit", "Filled exit");
        assertThat(second).isEqualTo(first);
    }
    @Test
    void events_of_orders_sent_while_another_thread_ticks_still_arrive_in_order() throws Exception {
        PaperBroker paper = paper(PaperBrokerConfig.frictionless(Money.ofDollars(10_000_000)).withMaxFillQuantity(1));
        List<OrderEvent> events = recorded(paper);
        paper.onTick(tick("100", "99.99", "100.01"));
        Thread ticker = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 2_000; i++) paper.onTick(tick("100", "99.99", "100.01"));
        });
        for (int i = 0; i < 200; i++) paper.submit(OrderRequest.market(ClientOrderId.of("o" + i), TICKER, Side.BUY, 3));
        ticker.join();
        for (int i = 0; i < 3; i++) paper.onTick(tick("100", "99.99", "100.01"));

        for (int i = 0; i < 200; i++) {
            ClientOrderId id = ClientOrderId.of("o" + i);
            assertThat(events).filteredOn(event -> event.clientOrderId().equals(id)).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("Accepted", "PartiallyFilled", "PartiallyFilled", "Filled");
        }
    }

    @Test
    void orders_the_paper_market_cannot_simulate_are_refused_in_words_leaving_the_stops_to_the_desk() {
        Broker paper = newBroker();
        quote(TICKER, Price.parse("99.99"), Price.parse("100.01"));

        for (OrderRequest order : List.of(
                OrderRequest.stopLimit(ClientOrderId.of("stop-limit"), TICKER, Side.SELL, 10, Price.parse("95"), Price.parse("94.90")),
                OrderRequest.limit(ClientOrderId.of("gtc"), TICKER, Side.BUY, 10, Price.parse("95")).withTimeInForce(TimeInForce.GTC),
                OrderRequest.market(ClientOrderId.of("bracket"), TICKER, Side.BUY, 10).withBracket(new Bracket(Price.parse("110"), Price.parse("95"))))) {
            assertThat(paper.submit(order)).isInstanceOfSatisfying(Submission.Rejected.class, rejected -> {
                assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_ORDER);
                assertThat(rejected.detail()).contains("position manager keeps the stops");
            });
        }
    }
}
