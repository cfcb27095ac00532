package io.quorum.engine.port;

import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Submission;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends orders to a venue. Submitting a request whose client order id the broker already knows
 * places nothing and returns the first order, so retries are safe.
 */
public interface Broker {
    Submission submit(OrderRequest request);

    Optional<Order> findByClientOrderId(ClientOrderId id);

    /**
     * Cancels a working order (resting, or the rest of a partly filled one), reported as
     * {@link OrderEvent.Cancelled}; false when it is unknown or already final.
     */
    boolean cancel(ClientOrderId id);

    List<BrokerPosition> positions();

    Account account();

    /**
     * Called for every event of every order, including later fills of resting orders. Each order's
     * events arrive in the order they happened, as {@link OrderEvent} describes; a submission the
     * broker refuses at once is reported as {@link OrderEvent.Rejected} too. A request sent again
     * with a client order id the broker already holds adds no event.
     */
    void onOrderEvent(Consumer<OrderEvent> listener);

    /**
     * True when the broker answers in this process without waiting on anything (the paper broker):
     * the desk may then ask it on its engine loop. A venue over the network answers false (the
     * default), and the desk asks it on a thread of its own.
     */
    default boolean answersInProcess() { return false; }

    /** True when the venue trades real money: the desk then trades only once the user has confirmed the account. */
    default boolean isLive() { return false; }

    /**
     * True when the venue keeps an entry's {@link io.quorum.engine.order.Bracket} itself (take-profit
     * and stop-loss, one cancelling the other); false when it refuses brackets and the desk's
     * position manager keeps the stops.
     */
    default boolean keepsBrackets() { return false; }
}
