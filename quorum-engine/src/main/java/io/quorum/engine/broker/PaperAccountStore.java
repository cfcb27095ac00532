package io.quorum.engine.broker;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the paper broker keeps its account: cash, orders and holdings. It is the broker's own
 * book, separate from the desk's journal, so that the desk reconciles against it as it would
 * against an external broker.
 */
public interface PaperAccountStore {
    Money cash();

    void saveCash(Money cash);

    Optional<Order> order(ClientOrderId id);

    /** Stores a new order or replaces the stored one with the same client order id. */
    void save(Order order);

    /** Orders that are still working (accepted or partly filled), oldest first. */
    List<Order> openOrders();

    Optional<BrokerPosition> position(Ticker ticker);

    /** Stores a holding; a quantity of zero removes it. */
    void save(BrokerPosition position);

    List<BrokerPosition> positions();

    /**
     * The close of the trading session the broker last accepted an order in: the open orders,
     * all day orders, expire then. Empty before the first order.
     */
    Optional<Instant> sessionClose();

    void saveSessionClose(Instant close);

    /** A number never handed out before, to name the next order. */
    long nextOrderNumber();

    /**
     * Makes the changes {@code change} saves one unit: a persistent store keeps all of them or, if
     * the process dies midway, none. The broker places an order, or books a fill with the cash and
     * holding it moves, inside one, so a crash never leaves cash moved for an order still open.
     * Called under the broker's lock; the in-memory store has nothing to undo and simply runs it.
     */
    default <T> T atomically(Supplier<T> change) { return change.get(); }
}
