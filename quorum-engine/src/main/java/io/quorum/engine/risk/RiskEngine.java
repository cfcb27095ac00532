package io.quorum.engine.risk;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderType;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import io.quorum.engine.port.Clock;
import io.quorum.engine.portfolio.AccountLimitCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Owns every pre-trade check of the desk and the state they need: each session's trading state,
 * the orders still working, the trades made today and the recently sent orders. It lives on the
 * engine loop and is touched by nothing else, so it needs no locks.
 *
 * <p>Every order passes {@link #check} just before it leaves, however it came (an agent decision,
 * the user's approval, a confirmed trade, a close, a protective exit), with the limits in force at
 * that moment. Orders that reduce are measured against the position net of the orders already
 * working, so two closes of one position can never sell more than is held; orders that add
 * exposure are measured against the buying power net of what the working ones will take.
 */
public final class RiskEngine {
    private final Clock clock;
    private Supplier<Optional<AccountLimitCheck>> account = Optional::empty;
    private final Function<Instant, LocalDate> tradingDay;
    private final Map<SessionId, SessionRisk> sessions = new HashMap<>();
    private final Map<ClientOrderId, WorkingOrder> working = new HashMap<>();
    /** The buying power the working orders that add exposure will take once they fill. */
    private long reservedMicros;
    /** A live account not yet confirmed by its number: nothing that adds exposure may leave. */
    private boolean awaitingLiveConfirmation;

    /**
     * An order that has left and is not yet done: its remaining quantity, signed (+ buys, − sells),
     * and for an order that adds exposure the price per share its remaining shares hold of the
     * buying power (0 for one that reduces).
     */
    private record WorkingOrder(SessionId session, Ticker ticker, long signedRemaining, long reservedPriceMicros) {
        long reservedMicros() { return Math.multiplyExact(Math.abs(signedRemaining), reservedPriceMicros); }

        WorkingOrder withRemaining(long remaining) { return new WorkingOrder(session, ticker, remaining, reservedPriceMicros); }
    }

    private record WorkingKey(SessionId session, Ticker ticker) {}

    private static final class SessionRisk {
        final PreTradeCheck check;
        final Map<WorkingKey, Long> working = new HashMap<>();
        TradingState state = TradingState.ACTIVE;
        String reason = "";
        LocalDate tradeDay;
        int tradesToday;

        SessionRisk(Clock clock) { this.check = new PreTradeCheck(clock); }
    }

    public RiskEngine(Clock clock, Function<Instant, LocalDate> tradingDay) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tradingDay = Objects.requireNonNull(tradingDay, "tradingDay");
    }

    /**
     * The verdict on {@code order} for {@code session}: the trading state first, then the limits
     * of the context. {@code context.positionQuantity()} is what is held; the working orders are
     * added here.
     */
    public PreTradeResult check(SessionId session, OrderRequest order, PreTradeContext context) {
        if (awaitingLiveConfirmation && context.intent() != OrderIntent.EXIT) {
            return new PreTradeResult.Refused(RejectReason.LIVE_NOT_CONFIRMED, "Refused: this is a live account, and trading starts once you type its account number in the desk");
        }
        SessionRisk risk = risk(session);
        if (risk.state == TradingState.HALTED && context.intent() != OrderIntent.EXIT) {
            return new PreTradeResult.Refused(RejectReason.TRADING_HALTED, "Refused: trading is halted (" + risk.reason + ")");
        }
        if (risk.state == TradingState.REDUCING && context.intent().addsExposure()) {
            return new PreTradeResult.Refused(RejectReason.REDUCE_ONLY, "Refused: only orders that reduce risk until " + risk.reason);
        }
        long net = Math.addExact(context.positionQuantity(), workingQuantity(session, order.ticker()));
        Money available = context.buyingPower().minus(Money.ofMicros(reservedMicros));
        PreTradeContext netOfWorking = new PreTradeContext(context.intent(), context.limits(), context.equity(), net, context.lastPrice(),
                context.tradesToday(), available, context.dailyPnl(), context.authorised(), context.marketOpen());
        PreTradeResult result = risk.check.check(order, netOfWorking);
        if (!(result instanceof PreTradeResult.Pass) || !context.intent().addsExposure() || PreTradeCheck.onlyReduces(order, net)) return result;
        return accountRefusal(order, net, context.lastPrice());
    }

    /**
     * The account the portfolio limits ({@code PortfolioLimits}) hold orders to, measured when an
     * order that adds exposure is checked; without one, those limits are not checked.
     */
    public void checkAccountWith(Supplier<Optional<AccountLimitCheck>> measure) { this.account = Objects.requireNonNull(measure, "measure"); }

    /**
     * The account trades real money: until {@link #liveTradingConfirmed} only protective exits and
     * closes may leave, so that a desk pointed at a live account by mistake places nothing.
     */
    public void awaitLiveConfirmation() { awaitingLiveConfirmation = true; }

    /** The user confirmed the live account by its number: orders may leave from now on. */
    public void liveTradingConfirmed() { awaitingLiveConfirmation = false; }

    public boolean awaitsLiveConfirmation() { return awaitingLiveConfirmation; }

    private PreTradeResult accountRefusal(OrderRequest order, long held, Price last) {
        Optional<AccountLimitCheck> check = account.get();
        if (check.isEmpty()) return PreTradeResult.PASS;
        Price price = order.type() == OrderType.LIMIT ? order.limitPrice() : last;
        long signed = order.side() == Side.BUY ? order.quantity() : -order.quantity();
        return check.get().firstBreach(order.ticker(), held, signed, price)
                .<PreTradeResult>map(breach -> new PreTradeResult.Refused(reasonOf(breach.limit()), "Refused: " + breach.sentence()))
                .orElse(PreTradeResult.PASS);
    }

    private static RejectReason reasonOf(AccountLimitCheck.Limit limit) {
        return switch (limit) {
            case GROSS_EXPOSURE -> RejectReason.MAX_GROSS_EXPOSURE;
            case NET_EXPOSURE -> RejectReason.MAX_NET_EXPOSURE;
            case SECTOR_EXPOSURE -> RejectReason.MAX_SECTOR_EXPOSURE;
            case VALUE_AT_RISK -> RejectReason.MAX_VALUE_AT_RISK;
            case STRESS_LOSS -> RejectReason.MAX_STRESS_LOSS;
        };
    }

    /**
     * The order passed and left: it works until it is filled, rejected, cancelled or expired. One
     * that adds exposure holds {@code price} (its limit, or the last price) of buying power per share.
     */
    public void sent(SessionId session, OrderRequest order, OrderIntent intent, Price price) {
        SessionRisk risk = risk(session);
        risk.check.sent(order);
        work(session, order, order.quantity(), intent, price);
        if (intent.addsExposure()) countTrade(risk);
    }

    /** After a restart: an order still resting at the broker works again, with what is left of it. */
    public void resumeWorking(SessionId session, OrderRequest order, long remaining, OrderIntent intent, Price price) {
        if (remaining <= 0) throw new IllegalArgumentException("remaining: must be positive, was " + remaining);
        work(session, order, remaining, intent, price);
    }

    private void work(SessionId session, OrderRequest order, long quantity, OrderIntent intent, Price price) {
        long signed = order.side() == Side.BUY ? quantity : -quantity;
        WorkingOrder entry = new WorkingOrder(session, order.ticker(), signed, intent.addsExposure() && price != null ? price.micros() : 0);
        if (working.putIfAbsent(order.clientOrderId(), entry) == null) {
            risk(session).working.merge(new WorkingKey(session, order.ticker()), signed, Long::sum);
            reservedMicros = Math.addExact(reservedMicros, entry.reservedMicros());
        }
    }

    /** Part or all of a working order filled: that much is now in the position, no longer working. */
    public void filled(ClientOrderId id, long quantity) {
        WorkingOrder order = working.get(id);
        if (order == null) return;
        long filled = Math.min(quantity, Math.abs(order.signedRemaining()));
        long signedFilled = order.signedRemaining() > 0 ? filled : -filled;
        long remaining = order.signedRemaining() - signedFilled;
        WorkingOrder left = order.withRemaining(remaining);
        release(order, signedFilled);
        reservedMicros = Math.subtractExact(reservedMicros, order.reservedMicros() - left.reservedMicros());
        if (remaining == 0) working.remove(id);
        else working.put(id, left);
    }

    /** A working order ended without filling the rest (rejected, cancelled, expired): its quantity is free again. */
    public void done(ClientOrderId id) {
        WorkingOrder order = working.remove(id);
        if (order == null) return;
        release(order, order.signedRemaining());
        reservedMicros = Math.subtractExact(reservedMicros, order.reservedMicros());
    }

    /** The signed quantity of the session's orders still working in {@code ticker}. */
    public long workingQuantity(SessionId session, Ticker ticker) {
        SessionRisk risk = sessions.get(session);
        return risk == null ? 0 : risk.working.getOrDefault(new WorkingKey(session, ticker), 0L);
    }

    public boolean isWorking(ClientOrderId id) { return working.containsKey(id); }

    /** Orders placed today that added exposure. */
    public int tradesToday(SessionId session) {
        SessionRisk risk = sessions.get(session);
        if (risk == null) return 0;
        return tradingDay.apply(clock.now()).equals(risk.tradeDay) ? risk.tradesToday : 0;
    }

    /** After a restart: the trades the journal shows for today. */
    public void restoreTradesToday(SessionId session, int count) {
        SessionRisk risk = risk(session);
        risk.tradeDay = tradingDay.apply(clock.now());
        risk.tradesToday = count;
    }

    public TradingState state(SessionId session) {
        SessionRisk risk = sessions.get(session);
        return risk == null ? TradingState.ACTIVE : risk.state;
    }

    /** Why the session is not ACTIVE; empty when it is. */
    public Optional<String> stateReason(SessionId session) {
        SessionRisk risk = sessions.get(session);
        return risk == null || risk.state == TradingState.ACTIVE ? Optional.empty() : Optional.of(risk.reason);
    }

    /** Moves the session to {@code state}; the change, or empty when it was already there. HALTED is left only by {@link #forget}. */
    public Optional<TradingStateChange> changeState(SessionId session, TradingState state, String reason) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        SessionRisk risk = risk(session);
        if (risk.state == state || risk.state == TradingState.HALTED) return Optional.empty();
        TradingStateChange change = new TradingStateChange(session, risk.state, state, reason);
        risk.state = state;
        risk.reason = reason;
        return Optional.of(change);
    }

    /** The session is gone: its state and counters go with it. Its working orders stay until they are done. */
    public void forget(SessionId session) { sessions.remove(session); }

    private void release(WorkingOrder order, long signedQuantity) {
        SessionRisk risk = sessions.get(order.session());
        if (risk == null) return;
        WorkingKey key = new WorkingKey(order.session(), order.ticker());
        long left = risk.working.getOrDefault(key, 0L) - signedQuantity;
        if (left == 0) risk.working.remove(key);
        else risk.working.put(key, left);
    }

    private void countTrade(SessionRisk risk) {
        LocalDate today = tradingDay.apply(clock.now());
        if (!today.equals(risk.tradeDay)) {
            risk.tradeDay = today;
            risk.tradesToday = 0;
        }
        risk.tradesToday++;
    }

    private SessionRisk risk(SessionId session) {
        Objects.requireNonNull(session, "session");
        return sessions.computeIfAbsent(session, id -> new SessionRisk(clock));
    }
}
