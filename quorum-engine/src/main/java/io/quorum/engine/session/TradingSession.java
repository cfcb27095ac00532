package io.quorum.engine.session;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One user's trading session on one ticker: IDLE → ANALYZING → PROPOSAL → (approve) AUTO_TRADING
 * → STOPPED, with PROPOSAL → (reject) RE_ANALYZING → PROPOSAL. The allowed moves are those of
 * {@link SessionEvent}; any other command is answered with {@link Transition.Refused} and changes
 * nothing.
 *
 * <p>Approving the proposal enters AUTO_TRADING with the auto-trading switch <em>off</em>: the desk
 * trades only after {@link #enableAutoTrading()}, which the server calls once the user has accepted
 * the risk disclosure (the seed's "AUTO_TRADING ENABLED" is the two steps together).
 *
 * <p>The switch is read on the execution path through {@link #isTradingAllowed()}, a volatile read.
 * A command flips it before it returns and before any listener runs, so that switching auto-trading
 * off takes effect before the next message is handled, whatever the listeners do. Listeners run on
 * the caller's thread, after the change; one that throws is counted and the others still run.
 */
public final class TradingSession {
    private final SessionId id;
    private final Ticker ticker;
    private final Clock clock;
    private final List<Consumer<SessionChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong listenerFailures = new AtomicLong();

    private volatile SessionState state = SessionState.IDLE;
    private volatile boolean autoTradingEnabled;
    private volatile boolean tradingAllowed;
    private volatile AutoTradingConfig config;
    private volatile Proposal proposal;
    private volatile String rejectionReason;
    private volatile StopReason stopReason;

    public TradingSession(SessionId id, Ticker ticker, AutoTradingConfig config, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Transition startAnalysis() { return apply(SessionEvent.START_ANALYSIS, ""); }

    /** The analysis produced {@code result}, which the user now approves or rejects. */
    public Transition analysisComplete(Proposal result) { return offer(SessionEvent.ANALYSIS_COMPLETE, result); }

    public Transition approve() { return apply(SessionEvent.APPROVE, ""); }

    /** The user turned the proposal down; {@code reason} is kept for the re-analysis to address. */
    public Transition reject(String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: a rejection needs the user's reason");
        return apply(SessionEvent.REJECT, reason.strip());
    }

    public Transition reanalysisComplete(Proposal result) { return offer(SessionEvent.REANALYSIS_COMPLETE, result); }

    public Transition enableAutoTrading() { return apply(SessionEvent.ENABLE_AUTO_TRADING, ""); }

    /** Takes trading authority back at once. Protective stops of open positions are not this switch's business. */
    public Transition disableAutoTrading() { return apply(SessionEvent.DISABLE_AUTO_TRADING, ""); }

    public Transition stop(StopReason reason) {
        Objects.requireNonNull(reason, "reason");
        return apply(SessionEvent.STOP, reason.sentence(), null, reason);
    }

    /** True only in AUTO_TRADING with the switch on: the one question the execution path asks before every order. */
    public boolean isTradingAllowed() { return tradingAllowed; }

    public SessionId id() { return id; }

    public Ticker ticker() { return ticker; }

    public SessionState state() { return state; }

    public boolean isAutoTradingEnabled() { return autoTradingEnabled; }

    /** The latest proposal from the analysis, empty before the first one. */
    public Optional<Proposal> proposal() { return Optional.ofNullable(proposal); }

    /** The user's reason for the latest rejection, empty if the user never rejected. */
    public Optional<String> rejectionReason() { return Optional.ofNullable(rejectionReason); }

    public Optional<StopReason> stopReason() { return Optional.ofNullable(stopReason); }

    public AutoTradingConfig config() { return config; }

    /** New limits apply from the next check that reads them; they are valid by construction. */
    public void reconfigure(AutoTradingConfig newConfig) { config = Objects.requireNonNull(newConfig, "config"); }

    /**
     * A session as its journal left it, for a desk restarting after a stop or a crash. Nothing
     * changes, so no listener hears of it; the switch is as the user last set it.
     */
    public static TradingSession restored(SessionId id, Ticker ticker, AutoTradingConfig config, Clock clock, SessionState state,
            boolean autoTradingEnabled, Proposal proposal, StopReason stopReason) {
        TradingSession session = new TradingSession(id, ticker, config, clock);
        session.state = Objects.requireNonNull(state, "state");
        session.autoTradingEnabled = state == SessionState.AUTO_TRADING && autoTradingEnabled;
        session.tradingAllowed = session.autoTradingEnabled;
        session.proposal = proposal;
        session.stopReason = state == SessionState.STOPPED ? stopReason : null;
        return session;
    }

    public void addListener(Consumer<SessionChange> listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }

    /** How many times a listener threw; the session went on regardless. */
    public long listenerFailures() { return listenerFailures.get(); }

    private Transition offer(SessionEvent event, Proposal result) {
        Objects.requireNonNull(result, "proposal");
        if (!result.ticker().equals(ticker)) {
            throw new IllegalArgumentException("proposal: is for " + result.ticker() + ", this session trades " + ticker);
        }
        return apply(event, "", result, null);
    }

    private Transition apply(SessionEvent event, String detail) { return apply(event, detail, null, null); }

    private Transition apply(SessionEvent event, String detail, Proposal result, StopReason reason) {
        SessionChange change;
        synchronized (this) {
            SessionState from = state;
            if (!event.isAllowedIn(from)) return new Transition.Refused(from, event, refusal(from, event));
            switch (event) {
                case ANALYSIS_COMPLETE, REANALYSIS_COMPLETE -> proposal = result;
                case REJECT -> rejectionReason = detail;
                case ENABLE_AUTO_TRADING -> autoTradingEnabled = true;
                case DISABLE_AUTO_TRADING -> autoTradingEnabled = false;
                case STOP -> {
                    autoTradingEnabled = false;
                    stopReason = reason;
                }
                case START_ANALYSIS, APPROVE -> { }
            }
            state = event.target();
            tradingAllowed = state == SessionState.AUTO_TRADING && autoTradingEnabled;
            change = new SessionChange(id, from, state, event, tradingAllowed, detail, clock.now());
        }
        for (Consumer<SessionChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
            }
        }
        return new Transition.Moved(change);
    }

    private static String refusal(SessionState from, SessionEvent event) {
        if (from == SessionState.STOPPED) return "the session is stopped; start a new one";
        return "cannot " + event.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " while the session is " + from;
    }
}
