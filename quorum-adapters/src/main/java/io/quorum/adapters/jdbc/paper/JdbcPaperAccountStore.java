package io.quorum.adapters.jdbc.paper;

import io.quorum.adapters.jdbc.Database;
import io.quorum.engine.broker.PaperAccountStore;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Bracket;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.Side;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The paper broker's account in its own SQL database (see {@link io.quorum.adapters.jdbc.Schema#PAPER_BROKER}):
 * what an external broker would hold, the truth the desk reconciles against after a restart.
 *
 * <p>Every change is committed to stable storage before the broker answers: an order it accepted,
 * and each fill with the cash and holding it moved, survive the process being killed. Changes
 * made inside {@link #atomically} commit together or not at all. The account is read once when
 * the store opens and then served from memory, written through on every change, so a tick costs
 * no query; this process must therefore be the database's only writer. Guarded by the broker's lock.
 */
public final class JdbcPaperAccountStore implements PaperAccountStore, AutoCloseable {
    private static final String SELECT_ACCOUNT = "SELECT cash_micros, last_order_number, session_close FROM paper_account WHERE id = 1";
    private static final String INSERT_ACCOUNT = "INSERT INTO paper_account (id, cash_micros, last_order_number) VALUES (1, ?, 0)";
    private static final String UPDATE_CASH = "UPDATE paper_account SET cash_micros = ? WHERE id = 1";
    private static final String UPDATE_ORDER_NUMBER = "UPDATE paper_account SET last_order_number = ? WHERE id = 1";
    private static final String UPDATE_SESSION_CLOSE = "UPDATE paper_account SET session_close = ? WHERE id = 1";
    private static final String SELECT_ORDERS = "SELECT client_order_id, broker_order_id, placed_rank, ticker, side, quantity, type, limit_micros, stop_micros, "
            + "status, status_reason, take_profit_micros, stop_loss_micros FROM paper_order ORDER BY placed_rank";
    private static final String SELECT_FILLS = "SELECT fill_id, client_order_id, quantity, price_micros, commission_micros, filled_at FROM paper_fill ORDER BY fill_number, filled_at, fill_id";
    private static final String INSERT_ORDER = "INSERT INTO paper_order (client_order_id, broker_order_id, placed_rank, ticker, side, quantity, type, "
            + "limit_micros, stop_micros, status, status_reason, take_profit_micros, stop_loss_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_ORDER = "UPDATE paper_order SET status = ?, status_reason = ? WHERE client_order_id = ?";
    private static final String INSERT_FILL = "INSERT INTO paper_fill (fill_id, client_order_id, quantity, price_micros, commission_micros, filled_at, fill_number) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_POSITIONS = "SELECT ticker, quantity, cost_basis_micros FROM paper_position";
    private static final String UPSERT_POSITION = "INSERT INTO paper_position (ticker, quantity, cost_basis_micros) VALUES (?, ?, ?) "
            + "ON CONFLICT (ticker) DO UPDATE SET quantity = excluded.quantity, cost_basis_micros = excluded.cost_basis_micros";
    private static final String DELETE_POSITION = "DELETE FROM paper_position WHERE ticker = ?";

    private final Database database;
    private final Connection connection;
    private Money cash;
    private long lastOrderNumber;
    private Instant sessionClose;
    private long lastRank;
    private final Map<ClientOrderId, Order> orders = new HashMap<>();
    private final Map<ClientOrderId, Order> openOrders = new LinkedHashMap<>();
    private final Map<Ticker, BrokerPosition> positions = new TreeMap<>();
    /** How many {@link #atomically} calls are running; changes commit when the outermost ends. */
    private int unitDepth;

    /**
     * Opens the account kept in {@code database}, a database opened with
     * {@link io.quorum.adapters.jdbc.Schema#PAPER_BROKER}; a new account starts with {@code startingCash}.
     */
    public JdbcPaperAccountStore(Database database, Money startingCash) {
        this.database = Objects.requireNonNull(database, "database");
        Objects.requireNonNull(startingCash, "startingCash");
        try {
            connection = database.dataSource().getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new PaperAccountStorageException("cannot open the paper account in " + database, e);
        }
        try {
            openAccount(startingCash);
            load();
        } catch (SQLException e) {
            rollbackQuietly(e);
            closeQuietly();
            throw new PaperAccountStorageException("cannot read the paper account in " + database, e);
        }
    }

    private void openAccount(Money startingCash) throws SQLException {
        boolean exists;
        try (PreparedStatement select = connection.prepareStatement(SELECT_ACCOUNT); ResultSet row = select.executeQuery()) {
            exists = row.next();
        }
        if (exists) return;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ACCOUNT)) {
            insert.setLong(1, startingCash.micros());
            insert.executeUpdate();
        }
        connection.commit();
    }

    /** Reads the whole account into memory, replacing whatever was there. */
    private void load() throws SQLException {
        orders.clear();
        openOrders.clear();
        positions.clear();
        try (PreparedStatement select = connection.prepareStatement(SELECT_ACCOUNT); ResultSet row = select.executeQuery()) {
            row.next();
            cash = Money.ofMicros(row.getLong("cash_micros"));
            lastOrderNumber = row.getLong("last_order_number");
            String close = row.getString("session_close");
            sessionClose = close == null ? null : Instant.parse(close);
        }
        Map<ClientOrderId, List<Fill>> fills = new HashMap<>();
        Map<ClientOrderId, OrderRequest> requests = new HashMap<>();
        List<Order> placed = new ArrayList<>();
        lastRank = 0;
        try (PreparedStatement select = connection.prepareStatement(SELECT_ORDERS); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                OrderRequest request = new OrderRequest(ClientOrderId.of(row.getString("client_order_id")), Ticker.of(row.getString("ticker")),
                        Side.valueOf(row.getString("side")), row.getLong("quantity"), OrderType.valueOf(row.getString("type")),
                        price(row, "limit_micros"), price(row, "stop_micros"));
                Price takeProfit = price(row, "take_profit_micros");
                if (takeProfit != null) request = request.withBracket(new Bracket(takeProfit, price(row, "stop_loss_micros")));
                requests.put(request.clientOrderId(), request);
                placed.add(new Order(row.getString("broker_order_id"), request, OrderStatus.valueOf(row.getString("status")), List.of(), row.getString("status_reason")));
                lastRank = row.getLong("placed_rank");
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_FILLS); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ClientOrderId id = ClientOrderId.of(row.getString("client_order_id"));
                OrderRequest request = requests.get(id);
                fills.computeIfAbsent(id, key -> new ArrayList<>()).add(new Fill(row.getString("fill_id"), id, request.ticker(), request.side(),
                        row.getLong("quantity"), Price.ofMicros(row.getLong("price_micros")), Money.ofMicros(row.getLong("commission_micros")),
                        Instant.parse(row.getString("filled_at"))));
            }
        }
        for (Order order : placed) {
            remember(new Order(order.brokerOrderId(), order.request(), order.status(), fills.getOrDefault(order.clientOrderId(), List.of()), order.statusReason()));
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_POSITIONS); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Ticker ticker = Ticker.of(row.getString("ticker"));
                positions.put(ticker, new BrokerPosition(ticker, row.getLong("quantity"), Money.ofMicros(row.getLong("cost_basis_micros"))));
            }
        }
        connection.commit();
    }

    private static Price price(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : Price.ofMicros(micros);
    }

    private void remember(Order order) {
        orders.put(order.clientOrderId(), order);
        if (order.status().isFinal()) openOrders.remove(order.clientOrderId());
        else openOrders.put(order.clientOrderId(), order);
    }

    @Override public Money cash() { return cash; }

    @Override public void saveCash(Money newCash) {
        write("save the cash", () -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_CASH)) {
                update.setLong(1, newCash.micros());
                update.executeUpdate();
            }
            cash = newCash;
        });
    }

    @Override public Optional<Order> order(ClientOrderId id) { return Optional.ofNullable(orders.get(id)); }

    @Override public void save(Order order) {
        write("save order " + order.clientOrderId(), () -> {
            Order stored = orders.get(order.clientOrderId());
            if (stored == null) insert(order);
            else update(stored, order);
            remember(order);
        });
    }

    private void insert(Order order) throws SQLException {
        OrderRequest request = order.request();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            insert.setString(1, request.clientOrderId().value());
            insert.setString(2, order.brokerOrderId());
            insert.setLong(3, lastRank + 1);
            insert.setString(4, request.ticker().symbol());
            insert.setString(5, request.side().name());
            insert.setLong(6, request.quantity());
            insert.setString(7, request.type().name());
            setPrice(insert, 8, request.limitPrice());
            setPrice(insert, 9, request.stopPrice());
            insert.setString(10, order.status().name());
            insert.setString(11, order.statusReason());
            setPrice(insert, 12, request.bracket() == null ? null : request.bracket().takeProfit());
            setPrice(insert, 13, request.bracket() == null ? null : request.bracket().stopLoss());
            insert.executeUpdate();
        }
        lastRank++;
        insertFills(order.fills(), Set.of());
    }

    /** Only the status and new fills change: a request once accepted is the broker's record of what was asked. */
    private void update(Order stored, Order order) throws SQLException {
        if (!stored.request().equals(order.request()) || !stored.brokerOrderId().equals(order.brokerOrderId())) {
            throw new IllegalArgumentException("order " + order.clientOrderId() + " is already stored with other terms");
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ORDER)) {
            update.setString(1, order.status().name());
            update.setString(2, order.statusReason());
            update.setString(3, order.clientOrderId().value());
            update.executeUpdate();
        }
        Set<String> known = new HashSet<>();
        for (Fill fill : stored.fills()) known.add(fill.fillId());
        insertFills(order.fills(), known);
    }

    private void insertFills(List<Fill> fills, Set<String> known) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_FILL)) {
            for (int i = 0; i < fills.size(); i++) {
                Fill fill = fills.get(i);
                if (known.contains(fill.fillId())) continue;
                insert.setString(1, fill.fillId());
                insert.setString(2, fill.clientOrderId().value());
                insert.setLong(3, fill.quantity());
                insert.setLong(4, fill.price().micros());
                insert.setLong(5, fill.commission().micros());
                insert.setString(6, fill.time().toString());
                insert.setLong(7, i + 1);
                insert.executeUpdate();
            }
        }
    }

    private static void setPrice(PreparedStatement statement, int index, Price price) throws SQLException {
        if (price == null) statement.setNull(index, Types.BIGINT);
        else statement.setLong(index, price.micros());
    }

    @Override public List<Order> openOrders() { return List.copyOf(openOrders.values()); }

    @Override public Optional<BrokerPosition> position(Ticker ticker) { return Optional.ofNullable(positions.get(ticker)); }

    @Override public void save(BrokerPosition position) {
        write("save the holding of " + position.ticker(), () -> {
            if (position.quantity() == 0) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE_POSITION)) {
                    delete.setString(1, position.ticker().symbol());
                    delete.executeUpdate();
                }
                positions.remove(position.ticker());
            } else {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT_POSITION)) {
                    upsert.setString(1, position.ticker().symbol());
                    upsert.setLong(2, position.quantity());
                    upsert.setLong(3, position.costBasis().micros());
                    upsert.executeUpdate();
                }
                positions.put(position.ticker(), position);
            }
        });
    }

    @Override public List<BrokerPosition> positions() { return List.copyOf(positions.values()); }

    @Override public Optional<Instant> sessionClose() { return Optional.ofNullable(sessionClose); }

    @Override public void saveSessionClose(Instant close) {
        Objects.requireNonNull(close, "close");
        write("save the session's close", () -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_SESSION_CLOSE)) {
                update.setString(1, close.toString());
                update.executeUpdate();
            }
            sessionClose = close;
        });
    }

    @Override public long nextOrderNumber() {
        long next = lastOrderNumber + 1;
        write("number the next order", () -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE_ORDER_NUMBER)) {
                update.setLong(1, next);
                update.executeUpdate();
            }
            lastOrderNumber = next;
        });
        return next;
    }

    @Override public <T> T atomically(Supplier<T> change) {
        unitDepth++;
        boolean done = false;
        try {
            T result = change.get();
            done = true;
            return result;
        } finally {
            unitDepth--;
            if (unitDepth == 0) {
                if (done) commit("commit the paper account");
                else undo();
            }
        }
    }

    private interface Change {
        void apply() throws SQLException;
    }

    /** Applies one change, committed at once unless it belongs to a larger unit. */
    private void write(String what, Change change) {
        try {
            change.apply();
        } catch (SQLException e) {
            undo();
            throw new PaperAccountStorageException("cannot " + what + " in " + database, e);
        }
        if (unitDepth == 0) commit(what);
    }

    private void commit(String what) {
        try {
            connection.commit();
        } catch (SQLException e) {
            undo();
            throw new PaperAccountStorageException("cannot " + what + " in " + database, e);
        }
    }

    /** Rolls the database back and the memory with it, to the last commit. */
    private void undo() {
        try {
            connection.rollback();
            load();
        } catch (SQLException e) {
            throw new PaperAccountStorageException("cannot roll the paper account in " + database + " back to its last commit", e);
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The store failed to open; the first failure is the one worth reporting.
        }
    }

    /** Returns the connection to the pool; the pool itself belongs to the {@link Database}. */
    @Override public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw new PaperAccountStorageException("cannot close the paper account in " + database, e);
        }
    }
}
