package io.quorum.engine.desk;

import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A broker that keeps a note of every order the desk sends it, in front of a real one. */
final class RecordingBroker implements Broker {
    private final Broker broker;
    private final List<OrderRequest> submitted = new CopyOnWriteArrayList<>();
    private final List<Submission> answers = new CopyOnWriteArrayList<>();

    private final List<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> delivered = new CopyOnWriteArrayList<>();
    private final Map<ClientOrderId, Long> submittedAt = new ConcurrentHashMap<>();
    private volatile boolean holdNext;
    /** The live account's number, or null for a paper account. */
    private volatile String liveNumber;
    private volatile Order held;
    /** Whether it plays a venue across the network, which the desk must not ask on its loop. */
    private volatile boolean remote;
    /** Open while the venue answers; closed while it holds every answer back. */
    private volatile CountDownLatch answering = new CountDownLatch(0);

    RecordingBroker(Broker broker) {
        this.broker = broker;
        broker.onOrderEvent(event -> {
            delivered.add(event);
            for (Consumer<OrderEvent> listener : listeners) listener.accept(event);
        });
    }

    @Override public Submission submit(OrderRequest request) {
        awaitAnswering();
        submittedAt.put(request.clientOrderId(), System.nanoTime());
        submitted.add(request);
        if (holdNext) {
            // A venue that accepts and decides later: the order never reaches the paper book.
            holdNext = false;
            Order accepted = new Order("held-" + request.clientOrderId().value(), request, OrderStatus.ACCEPTED, List.of(), "");
            held = accepted;
            Submission submission = new Submission.Accepted(accepted);
            answers.add(submission);
            return submission;
        }
        Submission submission = broker.submit(request);
        answers.add(submission);
        return submission;
    }

    /** The account is live, numbered {@code number}: the desk must have it confirmed before it trades. */
    void live(String number) { liveNumber = number; }

    @Override public boolean isLive() { return liveNumber != null; }

    @Override public boolean keepsBrackets() { return broker.keepsBrackets(); }

    @Override public boolean answersInProcess() { return !remote && broker.answersInProcess(); }

    /** The broker plays a venue across the network: the desk asks it off its loop. */
    void remote() { remote = true; }

    /** Every order, account and positions request waits from now on, as a venue that is slow to answer, until {@link #answerAgain}. */
    void holdAnswers() { answering = new CountDownLatch(1); }

    void answerAgain() { answering.countDown(); }

    private void awaitAnswering() {
        try {
            if (!answering.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never let the venue answer again");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The next order is accepted and held, as a venue that checks it later would, until {@link #rejectHeld}. */
    void holdNext() { holdNext = true; }

    /** The venue turns down the order it held, after having accepted it. */
    void rejectHeld(RejectReason reason, String detail) {
        Order order = held;
        held = null;
        OrderEvent rejected = new OrderEvent.Rejected(order.clientOrderId(), reason, detail, 0, Instant.now());
        for (Consumer<OrderEvent> listener : listeners) listener.accept(rejected);
    }

    /** Tells the listeners of every fill again, as a venue's stream that repeats itself would. */
    void reportEveryFillAgain() {
        for (OrderEvent event : delivered) {
            if (event instanceof OrderEvent.PartiallyFilled || event instanceof OrderEvent.Filled) {
                for (Consumer<OrderEvent> listener : listeners) listener.accept(event);
            }
        }
    }

    /** When (System.nanoTime) the desk sent the order with {@code id}. */
    long submittedAt(ClientOrderId id) { return submittedAt.get(id); }

    /** Every request the desk sent, retries included. */
    List<OrderRequest> submitted() { return List.copyOf(submitted); }

    /** The broker's own order ids of the orders it accepted, once each: how many orders the broker holds. */
    Set<String> brokerOrders() {
        Set<String> ids = new LinkedHashSet<>();
        for (Submission answer : answers) {
            if (answer instanceof Submission.Accepted accepted) ids.add(accepted.order().brokerOrderId());
        }
        return ids;
    }

    @Override public Optional<Order> findByClientOrderId(ClientOrderId id) {
        Order order = held;
        if (order != null && order.clientOrderId().equals(id)) return Optional.of(order);
        return broker.findByClientOrderId(id);
    }

    @Override public boolean cancel(ClientOrderId id) { return broker.cancel(id); }

    @Override public List<BrokerPosition> positions() {
        awaitAnswering();
        return broker.positions();
    }

    @Override public Account account() {
        awaitAnswering();
        Account account = broker.account();
        String number = liveNumber;
        return number == null ? account : new Account(number, account.cash(), account.buyingPower(), account.equity());
    }

    /**
     * Order events go to the listeners of the desk now running. A restarted desk in a test shares the broker
     * with its predecessor, which a real restart would not: {@link #forgetListeners} plays the old process's death.
     */
    @Override public void onOrderEvent(Consumer<OrderEvent> listener) { listeners.add(listener); }

    void forgetListeners() { listeners.clear(); }
}
