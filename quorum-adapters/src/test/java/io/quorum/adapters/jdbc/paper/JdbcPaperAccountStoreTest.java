package io.quorum.adapters.jdbc.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcPaperAccountStoreTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final PaperBrokerConfig CONFIG = new PaperBrokerConfig(Money.ofDollars(100_000), 2, new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1.00")));

    @TempDir Path folder;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T15:00:00Z"));
    private final List<AutoCloseable> opened = new ArrayList<>();

    private Path file() { return folder.resolve("paper-broker.db"); }

    /** A broker on the account in the file, as a restarted process would open it. */
    private PaperBroker open() { return open(CONFIG); }

    private PaperBroker open(PaperBrokerConfig config) {
        Database database = Database.openFile(file(), Schema.PAPER_BROKER);
        JdbcPaperAccountStore store = new JdbcPaperAccountStore(database, config.startingCash());
        opened.add(database);
        opened.add(store);
        PaperBroker broker = new PaperBroker(clock, ExchangeCalendar.NYSE, config, store);
        broker.onTick(new Tick(AAPL, clock.millis(), Price.parse("100").micros(), Price.parse("99.99").micros(), Price.parse("100.01").micros(), 100));
        return broker;
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
    }

    private static Order accepted(Submission submission) {
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).order();
    }

    @Test
    void a_reopened_account_has_the_same_cash_orders_and_positions() {
        PaperBroker before = open();
        accepted(before.submit(OrderRequest.market(ClientOrderId.of("buy-1"), AAPL, Side.BUY, 30)));
        accepted(before.submit(OrderRequest.market(ClientOrderId.of("sell-1"), AAPL, Side.SELL, 10)));
        accepted(before.submit(OrderRequest.limit(ClientOrderId.of("bid-1"), AAPL, Side.BUY, 5, Price.parse("90"))));

        PaperBroker after = open();

        assertThat(after.account()).isEqualTo(before.account());
        assertThat(after.positions()).isEqualTo(before.positions()).containsExactly(after.positions().getFirst());
        assertThat(after.positions().getFirst().quantity()).isEqualTo(20);
        for (String id : List.of("buy-1", "sell-1", "bid-1")) {
            assertThat(after.findByClientOrderId(ClientOrderId.of(id))).isEqualTo(before.findByClientOrderId(ClientOrderId.of(id)));
        }
        assertThat(after.findByClientOrderId(ClientOrderId.of("buy-1")).orElseThrow().fills()).hasSize(1);
    }

    @Test
    void a_client_order_id_sent_again_after_a_restart_returns_the_first_order() {
        Order first = accepted(open().submit(OrderRequest.market(ClientOrderId.of("q-1"), AAPL, Side.BUY, 10)));

        PaperBroker restarted = open();
        Order again = accepted(restarted.submit(OrderRequest.market(ClientOrderId.of("q-1"), AAPL, Side.BUY, 10)));

        assertThat(again).isEqualTo(first);
        assertThat(restarted.positions()).containsExactly(new BrokerPosition(AAPL, 10, first.fills().getFirst().price().times(10)));
    }

    @Test
    void order_numbers_are_never_handed_out_twice_across_restarts() {
        Order first = accepted(open().submit(OrderRequest.market(ClientOrderId.of("a"), AAPL, Side.BUY, 1)));
        Order second = accepted(open().submit(OrderRequest.market(ClientOrderId.of("b"), AAPL, Side.BUY, 1)));

        assertThat(second.brokerOrderId()).isNotEqualTo(first.brokerOrderId());
        assertThat(second.fills().getFirst().fillId()).isNotEqualTo(first.fills().getFirst().fillId());
    }

    @Test
    void a_resting_order_left_open_fills_after_a_restart() {
        accepted(open().submit(OrderRequest.limit(ClientOrderId.of("bid-1"), AAPL, Side.BUY, 5, Price.parse("95"))));

        PaperBroker restarted = open();
        restarted.onTick(new Tick(AAPL, clock.millis(), Price.parse("94.95").micros(), Price.parse("94.90").micros(), Price.parse("94.95").micros(), 100));

        assertThat(restarted.findByClientOrderId(ClientOrderId.of("bid-1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(open().positions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(5));
    }

    @Test
    void a_resting_bracketed_entry_keeps_its_exits_across_a_restart_and_rests_them_once_it_fills() {
        PaperBrokerConfig brackets = CONFIG.withBrackets();
        ClientOrderId entry = ClientOrderId.of("bid-1");
        OrderRequest bracketed = OrderRequest.limit(entry, AAPL, Side.BUY, 5, Price.parse("95")).withBracket(new Bracket(Price.parse("105"), Price.parse("90")));
        accepted(open(brackets).submit(bracketed));

        PaperBroker restarted = open(brackets);
        assertThat(restarted.findByClientOrderId(entry).orElseThrow().request()).isEqualTo(bracketed);
        restarted.onTick(new Tick(AAPL, clock.millis(), Price.parse("94.95").micros(), Price.parse("94.90").micros(), Price.parse("94.95").micros(), 100));

        PaperBroker again = open(brackets);
        assertThat(again.findByClientOrderId(BracketLeg.STOP_LOSS.of(entry)).orElseThrow().request()).isEqualTo(OrderRequest.stop(BracketLeg.STOP_LOSS.of(entry), AAPL, Side.SELL, 5, Price.parse("90")));
        assertThat(again.findByClientOrderId(BracketLeg.TAKE_PROFIT.of(entry)).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void a_partly_filled_order_reopens_with_its_fills_in_order_and_fills_on_after_a_restart() {
        PaperBrokerConfig shallow = CONFIG.withMaxFillQuantity(3);
        PaperBroker before = open(shallow);
        accepted(before.submit(OrderRequest.market(ClientOrderId.of("buy-1"), AAPL, Side.BUY, 40)));
        for (int i = 0; i < 11; i++) before.onTick(tick("100"));
        Order partly = before.findByClientOrderId(ClientOrderId.of("buy-1")).orElseThrow();
        assertThat(partly.fills()).hasSize(12);

        PaperBroker after = open(shallow);
        List<OrderEvent> events = new ArrayList<>();
        after.onOrderEvent(events::add);
        assertThat(after.findByClientOrderId(ClientOrderId.of("buy-1")).orElseThrow().fills())
                .as("the reopening tick filled 3 more").hasSize(13).startsWith(partly.fills().toArray(Fill[]::new));
        after.onTick(tick("100"));

        assertThat(events).singleElement().isInstanceOfSatisfying(OrderEvent.Filled.class, last -> {
            assertThat(last.fill().quantity()).isEqualTo(1);
            assertThat(last.filledQuantity()).isEqualTo(40);
        });
        Order filled = open(shallow).findByClientOrderId(ClientOrderId.of("buy-1")).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills()).extracting(Fill::fillId).doesNotHaveDuplicates().endsWith(partly.brokerOrderId() + "-13", partly.brokerOrderId() + "-14");
        assertThat(filled.filledQuantity()).isEqualTo(40);
        assertThat(open(shallow).positions()).singleElement().satisfies(position -> assertThat(position.quantity()).isEqualTo(40));
    }

    @Test
    void a_day_order_left_open_expires_when_the_broker_reopens_after_the_close() {
        accepted(open().submit(OrderRequest.limit(ClientOrderId.of("bid-1"), AAPL, Side.BUY, 5, Price.parse("90"))));
        clock.advance(Duration.ofHours(24));

        Database database = Database.openFile(file(), Schema.PAPER_BROKER);
        JdbcPaperAccountStore store = new JdbcPaperAccountStore(database, CONFIG.startingCash());
        opened.add(database);
        opened.add(store);
        PaperBroker nextMorning = new PaperBroker(clock, ExchangeCalendar.NYSE, CONFIG, store);
        List<OrderEvent> events = new ArrayList<>();
        nextMorning.onOrderEvent(events::add);
        nextMorning.onTick(tick("100"));

        assertThat(events).containsExactly(new OrderEvent.Expired(ClientOrderId.of("bid-1"), 0, 5, Instant.parse("2025-03-03T21:00:00Z")));
        assertThat(open().findByClientOrderId(ClientOrderId.of("bid-1")).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void an_account_kept_before_partial_fills_and_day_orders_opens_as_it_was_and_trades_on() throws Exception {
        Flyway.configure().dataSource(Database.sqliteUrl(file()), null, null).locations("classpath:db/paper/sqlite")
                .table("paper_flyway_schema_history").target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(Database.sqliteUrl(file()));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO paper_account (id, cash_micros, last_order_number) VALUES (1, 99000000000, 2)");
            statement.executeUpdate("INSERT INTO paper_order VALUES ('old-buy', 'P-1', 1, 'AAPL', 'BUY', 10, 'MARKET', NULL, NULL, 'FILLED', '')");
            statement.executeUpdate("INSERT INTO paper_order VALUES ('old-bid', 'P-2', 2, 'AAPL', 'BUY', 5, 'LIMIT', 90000000, NULL, 'ACCEPTED', '')");
            statement.executeUpdate("INSERT INTO paper_fill VALUES ('P-1-1', 'old-buy', 10, 100000000, 0, '2025-02-28T15:00:00Z')");
            statement.executeUpdate("INSERT INTO paper_position VALUES ('AAPL', 10, 1000000000)");
        }

        PaperBroker upgraded = open();
        accepted(upgraded.submit(OrderRequest.limit(ClientOrderId.of("new-bid"), AAPL, Side.BUY, 5, Price.parse("90"))));
        clock.advance(Duration.ofHours(24));
        upgraded.onTick(tick("100"));

        assertThat(upgraded.findByClientOrderId(ClientOrderId.of("old-buy")).orElseThrow().fills()).singleElement()
                .satisfies(fill -> assertThat(fill.price()).isEqualTo(Price.parse("100")));
        assertThat(upgraded.positions()).containsExactly(new BrokerPosition(AAPL, 10, Money.ofDollars(1_000)));
        for (String id : List.of("old-bid", "new-bid")) {
            assertThat(upgraded.findByClientOrderId(ClientOrderId.of(id)).orElseThrow().status())
                    .as("an order left working from before expires with the first session the broker trades in").isEqualTo(OrderStatus.EXPIRED);
        }
        assertThat(upgraded.findByClientOrderId(ClientOrderId.of("new-bid")).orElseThrow().brokerOrderId()).isEqualTo("P-3");
    }

    private Tick tick(String price) {
        long micros = Price.parse(price).micros();
        return new Tick(AAPL, clock.millis(), micros, micros, micros, 100);
    }

    @Test
    void a_unit_that_fails_midway_leaves_neither_the_file_nor_the_memory_changed() {
        Database database = Database.openFile(file(), Schema.PAPER_BROKER);
        JdbcPaperAccountStore store = new JdbcPaperAccountStore(database, CONFIG.startingCash());
        opened.add(database);
        opened.add(store);

        assertThatThrownBy(() -> store.atomically(() -> {
            store.saveCash(Money.ofDollars(1));
            store.save(new BrokerPosition(AAPL, 7, Money.ofDollars(700)));
            throw new IllegalStateException("the process died here");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.cash()).isEqualTo(CONFIG.startingCash());
        assertThat(store.positions()).isEmpty();
        assertThat(open().positions()).isEmpty();
    }

    @Test
    void every_order_is_one_row_keyed_by_its_client_order_id() throws Exception {
        PaperBroker broker = open();
        for (int i = 0; i < 3; i++) accepted(broker.submit(OrderRequest.market(ClientOrderId.of("same"), AAPL, Side.BUY, 10)));

        try (Connection connection = DriverManager.getConnection(Database.sqliteUrl(file()));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), (SELECT COUNT(*) FROM paper_fill) FROM paper_order WHERE client_order_id = 'same'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getInt(2)).isEqualTo(1);
        }
    }

    @Test
    void the_broker_file_keeps_its_own_migration_history_apart_from_the_journal() throws Exception {
        open();

        try (Connection connection = DriverManager.getConnection(Database.sqliteUrl(file()));
             ResultSet tables = connection.getMetaData().getTables(null, null, "%flyway%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) names.add(tables.getString("TABLE_NAME"));
            assertThat(names).containsExactly("paper_flyway_schema_history");
        }
    }
}
