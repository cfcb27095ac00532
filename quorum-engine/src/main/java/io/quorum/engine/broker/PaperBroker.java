package io.quorum.engine.broker;

import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BracketLeg;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.order.TimeInForce;
import io.quorum.engine.port.Broker;
import io.quorum.engine.port.Clock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A broker that fills orders against the latest quote it was shown, for trading without money.
 *
 * <ul>
 *   <li>Buys fill at the ask and sells at the bid, moved against the trader by the configured slippage.</li>
 *   <li>A limit order fills when the touch reaches its limit, never at a worse price than the limit.</li>
 *   <li>A stop order fires when the last price trades through its stop, then fills like a market
 *       order at the touch of that tick: after a gap, that is the gap price, not the stop.</li>
 *   <li>Orders that cannot fill yet rest and are tried again on every tick of their ticker. One quote
 *       fills at most {@link PaperBrokerConfig#maxFillQuantity} shares of an order; the rest waits for
 *       the next tick.</li>
 *   <li>It takes market, limit and stop orders, and refuses stop-limit orders and good-till-cancelled
 *       ones. It refuses brackets too, unless {@link PaperBrokerConfig#keepsBrackets} says it keeps
 *       them: then, once a bracketed entry has filled, its exits rest as two orders of its own
 *       ({@link BracketLeg}), a limit at the target and a stop at the stop-loss, for the shares that
 *       filled; the first fill of one cancels the other, so that the two together never sell more
 *       than the entry bought. The legs are day orders like the rest.</li>
 *   <li>Every order is a day order, the usual default at a broker: what has not filled by the close
 *       of the session it was placed in expires at that close. The broker notices the close at its
 *       next tick, order or cancel, and reports the expiry with the close as its time.</li>
 *   <li>Buying power = cash − 150% of the market value of the shorts: a short sale's proceeds stay
 *       as collateral and another 50% of its value is set aside as margin; longs are paid in cash.
 *       An order that would leave buying power negative is refused, unless it raises buying power
 *       (a sale or a cover). Resting orders reserve nothing: each fill is checked again when it
 *       comes, and an order whose next fill the account can no longer pay for is rejected then,
 *       keeping what it filled before.</li>
 * </ul>
 *
 * <p>Thread-safe: ticks and orders may come from different threads. Order events are delivered
 * after the broker's state is updated, outside its lock, one at a time and in the order they
 * happened: on the thread whose tick, order or cancel caused them, unless another thread is
 * delivering at that moment, which then delivers them too. An order placed from inside a listener
 * has its events delivered once that listener returns.
 */
public final class PaperBroker implements Broker {
    private static final long BASIS_POINTS = 10_000;
    private static final long CENT = 10_000;

    private final Clock clock;
    private final ExchangeCalendar calendar;
    private final PaperBrokerConfig config;
    private final PaperAccountStore store;
    private final Map<Ticker, Tick> latestTicks = new HashMap<>();
    private final List<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Events that happened and are not delivered yet, oldest first. Guarded by {@code this}. */
    private final Queue<OrderEvent> undelivered = new ArrayDeque<>();
    /** Held by the one thread delivering events, so that every listener sees them in order. */
    private final ReentrantLock delivery = new ReentrantLock();

    /**
     * @param calendar when the market accepts orders (trading hours in the exchange's time zone) and when its sessions close
     */
    public PaperBroker(Clock clock, ExchangeCalendar calendar, PaperBrokerConfig config, PaperAccountStore store) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A paper broker whose account lives in memory and starts with the configured cash. */
    public static PaperBroker inMemory(Clock clock, ExchangeCalendar calendar, PaperBrokerConfig config) {
        return new PaperBroker(clock, calendar, config, new InMemoryPaperAccountStore(config.startingCash()));
    }

    /** Takes the tick as the ticker's current quote and fills the resting orders it reaches. */
    public void onTick(Tick tick) {
        boolean happened;
        synchronized (this) {
            latestTicks.put(tick.ticker(), tick);
            Instant now = clock.now();
            expireAfterTheClose(now);
            if (calendar.isOpen(now)) {
                for (Order listed : store.openOrders()) {
                    if (!listed.request().ticker().equals(tick.ticker())) continue;
                    // A fill earlier in this tick may have cancelled this order: a leg whose sibling filled.
                    store.order(listed.clientOrderId()).filter(order -> !order.status().isFinal())
                            .ifPresent(order -> inOneUnit(events -> tryToFill(order, tick, events)));
                }
            }
            happened = !undelivered.isEmpty();
        }
        if (happened) deliver();
    }

    @Override public boolean keepsBrackets() { return config.keepsBrackets(); }

    @Override public boolean answersInProcess() { return true; }

    @Override
    public Submission submit(OrderRequest request) {
        Submission submission;
        synchronized (this) {
            expireAfterTheClose(clock.now());
            submission = inOneUnit(events -> place(request, events));
        }
        deliver();
        return submission;
    }

    /**
     * Runs {@code change} as one unit of the store and keeps the events it tells of for delivery,
     * only once the unit is stored: a unit the store undoes reports nothing.
     */
    private <T> T inOneUnit(Function<List<OrderEvent>, T> change) {
        List<OrderEvent> events = new ArrayList<>();
        T result = store.atomically(() -> change.apply(events));
        undelivered.addAll(events);
        return result;
    }

    private Submission place(OrderRequest request, List<OrderEvent> events) {
        Optional<Order> known = store.order(request.clientOrderId());
        if (known.isPresent()) return new Submission.Accepted(known.get());
        Instant now = clock.now();
        if (request.type() == OrderType.STOP_LIMIT || request.timeInForce() != TimeInForce.DAY || (request.bracket() != null && !config.keepsBrackets())) {
            return refuse(request, RejectReason.INVALID_ORDER, config.keepsBrackets() ? "the paper broker takes day orders, at market, limit or stop"
                    : "the paper broker takes day orders without a bracket, at market, limit or stop; the desk's position manager keeps the stops", events);
        }
        if (!calendar.isOpen(now)) {
            return refuse(request, RejectReason.OUTSIDE_TRADING_HOURS, "the market is closed at " + now, events);
        }
        Tick tick = latestTicks.get(request.ticker());
        if (tick == null && request.type() == OrderType.MARKET) {
            return refuse(request, RejectReason.NO_MARKET_PRICE, "no quote for " + request.ticker() + " yet", events);
        }
        Optional<String> unaffordable = unaffordable(request.ticker(), request.side(), request.quantity(), estimatedPrice(request, tick));
        if (unaffordable.isPresent()) return refuse(request, RejectReason.INSUFFICIENT_BUYING_POWER, unaffordable.get(), events);
        Order order = new Order("P-" + store.nextOrderNumber(), request, OrderStatus.ACCEPTED, List.of(), "");
        store.save(order);
        Instant close = calendar.sessionClose(calendar.tradingDate(now));
        if (!store.sessionClose().equals(Optional.of(close))) store.saveSessionClose(close);
        events.add(new OrderEvent.Accepted(request.clientOrderId(), order.brokerOrderId(), request.quantity(), now));
        if (tick != null) order = tryToFill(order, tick, events);
        return new Submission.Accepted(order);
    }

    private Submission refuse(OrderRequest request, RejectReason reason, String detail, List<OrderEvent> events) {
        events.add(new OrderEvent.Rejected(request.clientOrderId(), reason, detail, 0, clock.now()));
        return new Submission.Rejected(reason, detail);
    }

    /** Why the account cannot pay for the trade, if it cannot: it would leave buying power negative and lower it further. */
    private Optional<String> unaffordable(Ticker ticker, Side side, long shares, long priceMicros) {
        long buyingPower = buyingPowerMicros();
        long after = buyingPowerAfter(ticker, side, shares, priceMicros);
        if (after >= 0 || after >= buyingPower) return Optional.empty();
        return Optional.of((side == Side.BUY ? "buying " : "selling ") + shares + " " + ticker + " at about " + Price.ofMicros(priceMicros)
                + " needs " + Money.ofMicros(buyingPower - after) + " of buying power; " + Money.ofMicros(buyingPower) + " is available");
    }

    /** Expires every working order once the session they were placed in has closed: they are all day orders of that session. */
    private void expireAfterTheClose(Instant now) {
        Optional<Instant> close = store.sessionClose();
        if (close.isEmpty() || now.isBefore(close.get())) return;
        List<Order> open = store.openOrders();
        if (open.isEmpty()) return;
        inOneUnit(events -> {
            for (Order order : open) {
                long filled = order.filledQuantity();
                store.save(new Order(order.brokerOrderId(), order.request(), OrderStatus.EXPIRED, order.fills(), "a day order, not filled by the close of its session"));
                events.add(new OrderEvent.Expired(order.clientOrderId(), filled, order.request().quantity() - filled, close.get()));
            }
            return null;
        });
    }

    /** The price a buying-power check assumes: the touch for a market order, else the order's own price. */
    private long estimatedPrice(OrderRequest request, Tick tick) {
        return switch (request.type()) {
            case MARKET -> touchWithSlippage(request.side(), tick);
            case LIMIT -> request.limitPrice().micros();
            case STOP, STOP_LIMIT -> request.stopPrice().micros();
        };
    }

    /**
     * Fills as much of the order as the tick reaches and the market's depth allows, or rejects the
     * rest if the account can no longer pay for it; returns the order as it now stands.
     */
    private Order tryToFill(Order order, Tick tick, List<OrderEvent> events) {
        OrderRequest request = order.request();
        long touch = touchWithSlippage(request.side(), tick);
        boolean buy = request.side() == Side.BUY;
        long price = switch (request.type()) {
            case MARKET -> touch;
            case LIMIT -> {
                long limit = request.limitPrice().micros();
                long quote = buy ? tick.askMicros() : tick.bidMicros();
                if (buy ? quote > limit : quote < limit) yield 0;
                yield buy ? Math.min(touch, limit) : Math.max(touch, limit);
            }
            case STOP -> {
                long stop = request.stopPrice().micros();
                yield (buy ? tick.lastMicros() >= stop : tick.lastMicros() <= stop) ? touch : 0;
            }
            case STOP_LIMIT -> throw new IllegalStateException("a stop-limit order is refused when placed: " + request.clientOrderId());
        };
        if (price == 0) return order;
        long filledBefore = order.filledQuantity();
        long shares = Math.min(request.quantity() - filledBefore, config.maxFillQuantity());
        Optional<String> unaffordable = unaffordable(request.ticker(), request.side(), shares, price);
        if (unaffordable.isPresent()) {
            Order rejected = new Order(order.brokerOrderId(), request, OrderStatus.REJECTED, order.fills(), unaffordable.get());
            store.save(rejected);
            events.add(new OrderEvent.Rejected(request.clientOrderId(), RejectReason.INSUFFICIENT_BUYING_POWER, unaffordable.get(), filledBefore, clock.now()));
            return rejected;
        }
        Fill fill = execute(order, shares, price);
        List<Fill> fills = new ArrayList<>(order.fills());
        fills.add(fill);
        long filled = filledBefore + shares;
        long remaining = request.quantity() - filled;
        Order after = new Order(order.brokerOrderId(), request, remaining == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, fills, "");
        store.save(after);
        events.add(remaining == 0 ? new OrderEvent.Filled(fill, filled) : new OrderEvent.PartiallyFilled(fill, filled, remaining));
        BracketLeg.named(request.clientOrderId()).ifPresent(leg -> cancelWorking(leg.sibling().of(leg.entryOf(request.clientOrderId())), "its other leg filled", events));
        if (remaining == 0 && request.bracket() != null) openLegs(request, filled, tick, events);
        return after;
    }

    /** Rests the bracket's two exits for the {@code shares} of {@code entry} that filled, and fills what the tick reaches already. */
    private void openLegs(OrderRequest entry, long shares, Tick tick, List<OrderEvent> events) {
        Instant now = clock.now();
        for (BracketLeg leg : BracketLeg.values()) {
            OrderRequest exit = leg.order(entry, shares);
            Order order = new Order("P-" + store.nextOrderNumber(), exit, OrderStatus.ACCEPTED, List.of(), "");
            store.save(order);
            events.add(new OrderEvent.Accepted(exit.clientOrderId(), order.brokerOrderId(), shares, now));
        }
        for (BracketLeg leg : BracketLeg.values()) {
            store.order(leg.of(entry.clientOrderId())).filter(order -> !order.status().isFinal()).ifPresent(order -> tryToFill(order, tick, events));
        }
    }

    /** The touch moved against the trader by the slippage, on the cent grid prices trade at: buys round up, sells down. */
    private long touchWithSlippage(Side side, Tick tick) {
        long slip = config.slippageBasisPoints();
        return side == Side.BUY
                ? Math.ceilDiv(Math.ceilDiv(Math.multiplyExact(tick.askMicros(), BASIS_POINTS + slip), BASIS_POINTS), CENT) * CENT
                : Math.multiplyExact(tick.bidMicros(), BASIS_POINTS - slip) / BASIS_POINTS / CENT * CENT;
    }

    /** Books the order's next fill of {@code shares} at the price: the cash and the holding it moves. Its id is the order's and its number. */
    private Fill execute(Order order, long shares, long priceMicros) {
        OrderRequest request = order.request();
        Fill fill = new Fill(order.brokerOrderId() + "-" + (order.fills().size() + 1), request.clientOrderId(), request.ticker(), request.side(),
                shares, Price.ofMicros(priceMicros), config.commission().commissionFor(shares, priceMicros), clock.now());
        store.saveCash(store.cash().plus(fill.cashDelta()));
        store.save(positionAfter(request.ticker(), fill.signedQuantity(), priceMicros));
        return fill;
    }

    /** The holding after a trade: average cost on the way up, the same average on the way down. */
    private BrokerPosition positionAfter(Ticker ticker, long signedShares, long priceMicros) {
        BrokerPosition held = store.position(ticker).orElse(new BrokerPosition(ticker, 0, Money.ZERO));
        long quantity = held.quantity();
        long next = Math.addExact(quantity, signedShares);
        long cost;
        if (quantity == 0 || Long.signum(quantity) == Long.signum(signedShares)) {
            cost = Math.addExact(held.costBasis().micros(), Math.multiplyExact(Math.abs(signedShares), priceMicros));
        } else if (Long.signum(next) == Long.signum(quantity)) {
            cost = BigInteger.valueOf(held.costBasis().micros()).multiply(BigInteger.valueOf(Math.abs(next)))
                    .divide(BigInteger.valueOf(Math.abs(quantity))).longValueExact();
        } else {
            cost = Math.multiplyExact(Math.abs(next), priceMicros);
        }
        return new BrokerPosition(ticker, next, Money.ofMicros(cost));
    }

    private long buyingPowerMicros() {
        long shortValue = 0;
        for (BrokerPosition position : store.positions()) {
            if (position.quantity() < 0) shortValue = Math.addExact(shortValue, Math.multiplyExact(-position.quantity(), mark(position)));
        }
        return marginRule(store.cash().micros(), shortValue);
    }

    private long buyingPowerAfter(Ticker ticker, Side side, long shares, long priceMicros) {
        long signed = side == Side.BUY ? shares : -shares;
        long notional = Math.multiplyExact(shares, priceMicros);
        long cash = Math.subtractExact(store.cash().micros(), config.commission().commissionFor(shares, priceMicros).micros());
        cash = side == Side.BUY ? Math.subtractExact(cash, notional) : Math.addExact(cash, notional);
        long shortValue = 0;
        boolean seen = false;
        for (BrokerPosition position : store.positions()) {
            long quantity = position.quantity();
            long price = mark(position);
            if (position.ticker().equals(ticker)) {
                quantity += signed;
                price = priceMicros;
                seen = true;
            }
            if (quantity < 0) shortValue = Math.addExact(shortValue, Math.multiplyExact(-quantity, price));
        }
        if (!seen && signed < 0) shortValue = Math.addExact(shortValue, notional);
        return marginRule(cash, shortValue);
    }

    /** Cash less the proceeds of the shorts held as collateral and 50% of their value as margin. */
    private static long marginRule(long cashMicros, long shortValueMicros) {
        return Math.subtractExact(cashMicros, Math.addExact(shortValueMicros, shortValueMicros / 2));
    }

    /** The last traded price of the holding's ticker, or its average cost before any tick. */
    private long mark(BrokerPosition position) {
        Tick tick = latestTicks.get(position.ticker());
        return tick != null ? tick.lastMicros() : position.costBasis().micros() / Math.abs(position.quantity());
    }

    /**
     * Hands the undelivered events to the listeners, in order, unless another thread is at it: that
     * thread then delivers these too, since it looks again after letting go. A listener that acts on
     * the broker adds events that the loop it runs in delivers next.
     */
    private void deliver() {
        while (!delivery.isHeldByCurrentThread() && delivery.tryLock()) {
            try {
                for (OrderEvent event = nextUndelivered(); event != null; event = nextUndelivered()) {
                    for (Consumer<OrderEvent> listener : listeners) listener.accept(event);
                }
            } finally {
                delivery.unlock();
            }
            if (!hasUndelivered()) return;
        }
    }

    private synchronized OrderEvent nextUndelivered() { return undelivered.poll(); }

    private synchronized boolean hasUndelivered() { return !undelivered.isEmpty(); }

    @Override
    public synchronized Optional<Order> findByClientOrderId(ClientOrderId id) { return store.order(id); }

    @Override
    public boolean cancel(ClientOrderId id) {
        boolean cancelled;
        synchronized (this) {
            expireAfterTheClose(clock.now());
            cancelled = inOneUnit(events -> cancelWorking(id, "cancelled at the desk's request", events));
        }
        deliver();
        return cancelled;
    }

    /** Cancels what is left of a working order; a bracketed entry cut short keeps its exits for the shares it bought. */
    private boolean cancelWorking(ClientOrderId id, String why, List<OrderEvent> events) {
        Optional<Order> order = store.order(id);
        if (order.isEmpty() || order.get().status().isFinal()) return false;
        Order open = order.get();
        long filled = open.filledQuantity();
        store.save(new Order(open.brokerOrderId(), open.request(), OrderStatus.CANCELLED, open.fills(), why));
        events.add(new OrderEvent.Cancelled(id, filled, open.request().quantity() - filled, clock.now()));
        Tick tick = latestTicks.get(open.request().ticker());
        if (filled > 0 && open.request().bracket() != null && tick != null) openLegs(open.request(), filled, tick, events);
        return true;
    }

    @Override
    public synchronized List<BrokerPosition> positions() { return store.positions(); }

    @Override
    public synchronized Account account() {
        long equity = store.cash().micros();
        for (BrokerPosition position : store.positions()) {
            equity = Math.addExact(equity, Math.multiplyExact(position.quantity(), mark(position)));
        }
        return new Account(Account.PAPER_NUMBER, store.cash(), Money.ofMicros(buyingPowerMicros()), Money.ofMicros(equity));
    }

    @Override
    public void onOrderEvent(Consumer<OrderEvent> listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }
}
