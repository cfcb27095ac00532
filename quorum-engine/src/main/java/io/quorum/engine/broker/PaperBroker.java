package io.quorum.engine.broker;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import io.quorum.engine.port.Clock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A broker that fills orders against the latest quote it was shown, for trading without money.
 *
 * <ul>
 *   <li>Buys fill at the ask and sells at the bid, moved against the trader by the configured slippage.</li>
 *   <li>A limit order fills when the touch reaches its limit, never at a worse price than the limit.</li>
 *   <li>A stop order fires when the last price trades through its stop, then fills like a market
 *       order at the touch of that tick: after a gap, that is the gap price, not the stop.</li>
 *   <li>Orders that cannot fill yet rest and are tried again on every tick of their ticker.</li>
 *   <li>Buying power = cash − 150% of the market value of the shorts: a short sale's proceeds stay
 *       as collateral and another 50% of its value is set aside as margin; longs are paid in cash.
 *       An order that would leave buying power negative is refused, unless it raises buying power
 *       (a sale or a cover). Resting orders reserve nothing; they are checked when placed.</li>
 * </ul>
 *
 * <p>Thread-safe: ticks and orders may come from different threads. Fill listeners are called after
 * the broker's state is updated, outside its lock, on the thread whose tick or order caused the fill.
 */
public final class PaperBroker implements Broker {
    private static final long BASIS_POINTS = 10_000;
    private static final long CENT = 10_000;

    private final Clock clock;
    private final Predicate<Instant> marketOpen;
    private final PaperBrokerConfig config;
    private final PaperAccountStore store;
    private final Map<Ticker, Tick> latestTicks = new HashMap<>();
    private final List<Consumer<Fill>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param marketOpen whether the market accepts orders at an instant (trading hours in the exchange's time zone)
     */
    public PaperBroker(Clock clock, Predicate<Instant> marketOpen, PaperBrokerConfig config, PaperAccountStore store) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.marketOpen = Objects.requireNonNull(marketOpen, "marketOpen");
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** A paper broker whose account lives in memory and starts with the configured cash. */
    public static PaperBroker inMemory(Clock clock, Predicate<Instant> marketOpen, PaperBrokerConfig config) {
        return new PaperBroker(clock, marketOpen, config, new InMemoryPaperAccountStore(config.startingCash()));
    }

    /** Takes the tick as the ticker's current quote and fills the resting orders it reaches. */
    public void onTick(Tick tick) {
        List<Fill> fills = new ArrayList<>();
        synchronized (this) {
            latestTicks.put(tick.ticker(), tick);
            if (marketOpen.test(clock.now())) {
                for (Order order : store.openOrders()) {
                    if (order.request().ticker().equals(tick.ticker())) store.atomically(() -> tryToFill(order, tick, fills));
                }
            }
        }
        report(fills);
    }

    @Override
    public Submission submit(OrderRequest request) {
        List<Fill> fills = new ArrayList<>();
        Submission submission;
        synchronized (this) {
            submission = store.atomically(() -> place(request, fills));
        }
        report(fills);
        return submission;
    }

    private Submission place(OrderRequest request, List<Fill> fills) {
        Optional<Order> known = store.order(request.clientOrderId());
        if (known.isPresent()) return new Submission.Accepted(known.get());
        Instant now = clock.now();
        if (!marketOpen.test(now)) {
            return new Submission.Rejected(RejectReason.OUTSIDE_TRADING_HOURS, "the market is closed at " + now);
        }
        Tick tick = latestTicks.get(request.ticker());
        if (tick == null && request.type() == OrderType.MARKET) {
            return new Submission.Rejected(RejectReason.NO_MARKET_PRICE, "no quote for " + request.ticker() + " yet");
        }
        long estimate = estimatedPrice(request, tick);
        long buyingPower = buyingPowerMicros();
        long after = buyingPowerAfter(request.ticker(), request.side(), request.quantity(), estimate);
        if (after < 0 && after < buyingPower) {
            return new Submission.Rejected(RejectReason.INSUFFICIENT_BUYING_POWER,
                    (request.side() == Side.BUY ? "buying " : "selling ") + request.quantity() + " " + request.ticker()
                            + " at about " + Price.ofMicros(estimate) + " needs " + Money.ofMicros(buyingPower - after)
                            + " of buying power; " + Money.ofMicros(buyingPower) + " is available");
        }
        Order order = new Order("P-" + store.nextOrderNumber(), request, OrderStatus.ACCEPTED, List.of(), "");
        store.save(order);
        if (tick != null) order = tryToFill(order, tick, fills);
        return new Submission.Accepted(order);
    }

    /** The price a buying-power check assumes: the touch for a market order, else the order's own price. */
    private long estimatedPrice(OrderRequest request, Tick tick) {
        return switch (request.type()) {
            case MARKET -> touchWithSlippage(request.side(), tick);
            case LIMIT -> request.limitPrice().micros();
            case STOP -> request.stopPrice().micros();
        };
    }

    /** Fills the order if the tick reaches it; returns the order as it now stands. */
    private Order tryToFill(Order order, Tick tick, List<Fill> fills) {
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
        };
        if (price == 0) return order;
        Fill fill = execute(order, price);
        Order filled = new Order(order.brokerOrderId(), request, OrderStatus.FILLED, List.of(fill), "");
        store.save(filled);
        fills.add(fill);
        return filled;
    }

    /** The touch moved against the trader by the slippage, on the cent grid prices trade at: buys round up, sells down. */
    private long touchWithSlippage(Side side, Tick tick) {
        long slip = config.slippageBasisPoints();
        return side == Side.BUY
                ? Math.ceilDiv(Math.ceilDiv(Math.multiplyExact(tick.askMicros(), BASIS_POINTS + slip), BASIS_POINTS), CENT) * CENT
                : Math.multiplyExact(tick.bidMicros(), BASIS_POINTS - slip) / BASIS_POINTS / CENT * CENT;
    }

    private Fill execute(Order order, long priceMicros) {
        OrderRequest request = order.request();
        Fill fill = new Fill(order.brokerOrderId() + "-1", request.clientOrderId(), request.ticker(), request.side(),
                request.quantity(), Price.ofMicros(priceMicros), config.commission().commissionFor(request.quantity(), priceMicros), clock.now());
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

    private void report(List<Fill> fills) {
        for (Fill fill : fills) {
            for (Consumer<Fill> listener : listeners) listener.accept(fill);
        }
    }

    @Override
    public synchronized Optional<Order> findByClientOrderId(ClientOrderId id) { return store.order(id); }

    @Override
    public synchronized boolean cancel(ClientOrderId id) {
        Optional<Order> order = store.order(id);
        if (order.isEmpty() || order.get().status().isFinal()) return false;
        Order open = order.get();
        store.save(new Order(open.brokerOrderId(), open.request(), OrderStatus.CANCELLED, open.fills(), "cancelled at the desk's request"));
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
        return new Account(store.cash(), Money.ofMicros(buyingPowerMicros()), Money.ofMicros(equity));
    }

    @Override
    public void onFill(Consumer<Fill> listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }
}
