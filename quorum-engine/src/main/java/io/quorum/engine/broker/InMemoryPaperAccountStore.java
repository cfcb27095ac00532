package io.quorum.engine.broker;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A paper account that lives as long as the process. Guarded by the broker's lock. */
public final class InMemoryPaperAccountStore implements PaperAccountStore {
    private Money cash;
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<Ticker, BrokerPosition> positions = new TreeMap<>();
    private long orderNumber;
    private Instant sessionClose;

    public InMemoryPaperAccountStore(Money startingCash) { this.cash = startingCash; }

    @Override public Money cash() { return cash; }

    @Override public void saveCash(Money cash) { this.cash = cash; }

    @Override public Optional<Order> order(ClientOrderId id) { return Optional.ofNullable(orders.get(id)); }

    @Override public void save(Order order) { orders.put(order.clientOrderId(), order); }

    @Override public List<Order> openOrders() {
        List<Order> open = new ArrayList<>();
        for (Order order : orders.values()) {
            if (!order.status().isFinal()) open.add(order);
        }
        return open;
    }

    @Override public Optional<BrokerPosition> position(Ticker ticker) { return Optional.ofNullable(positions.get(ticker)); }

    @Override public void save(BrokerPosition position) {
        if (position.quantity() == 0) positions.remove(position.ticker());
        else positions.put(position.ticker(), position);
    }

    @Override public List<BrokerPosition> positions() { return List.copyOf(positions.values()); }

    @Override public Optional<Instant> sessionClose() { return Optional.ofNullable(sessionClose); }

    @Override public void saveSessionClose(Instant close) { this.sessionClose = Objects.requireNonNull(close, "close"); }

    @Override public long nextOrderNumber() { return ++orderNumber; }
}
