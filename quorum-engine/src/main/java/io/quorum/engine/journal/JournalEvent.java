package io.quorum.engine.journal;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Something that happened in a session, as kept in its journal. The journal is the audit trail and
 * the source the desk rebuilds itself from after a restart, so every event carries the facts, not a
 * reference to mutable state. Events are named in the past tense.
 */
public sealed interface JournalEvent {

    /** The stable name of the event's kind, as stored beside it. */
    Kind kind();

    /**
     * True when nothing may act on the event until it is durable: an order intention must survive a
     * crash before the order leaves for the broker, so that a restart finds it and never places it twice.
     */
    default boolean requiresDurability() { return false; }

    enum Kind { SESSION_OPENED, MESSAGE, ORDER_INTENDED, ORDER_PLACED, ORDER_FILLED, ORDER_REJECTED, POSITION_CHANGED, CONFIG_CHANGED, STATE_CHANGED, TRADING_STATE_CHANGED, USER_ACTION, REASONER_CALLED, VOTE_SEEN, WATCHLIST_CHANGED }

    /** A session was opened on {@code ticker}: the first entry of every session, so that a restart knows what it traded. */
    record SessionOpened(Ticker ticker) implements JournalEvent {
        public SessionOpened {
            Objects.requireNonNull(ticker, "ticker");
        }

        @Override public Kind kind() { return Kind.SESSION_OPENED; }
    }

    /**
     * The tickers the session watches and trades, its own ticker first, after a ticker was added to
     * its watchlist or removed from it: a restart watches them again.
     */
    record WatchlistChanged(List<Ticker> tickers) implements JournalEvent {
        public WatchlistChanged {
            tickers = List.copyOf(tickers);
            if (tickers.isEmpty()) throw new IllegalArgumentException("tickers: a session watches at least its own ticker");
            if (new HashSet<>(tickers).size() != tickers.size()) throw new IllegalArgumentException("tickers: each ticker once, was " + tickers);
        }

        @Override public Kind kind() { return Kind.WATCHLIST_CHANGED; }
    }

    /** An agent message as delivered by the bus, with the bus's {@code seq}. */
    record MessageJournaled(AgentMessage message) implements JournalEvent {
        public MessageJournaled {
            Objects.requireNonNull(message, "message");
            if (!message.isSequenced()) throw new IllegalArgumentException("message: journal a message once the bus has sequenced it");
        }

        @Override public Kind kind() { return Kind.MESSAGE; }
    }

    /** The desk is about to send {@code request}; {@code proposalId} is null for protective exits that need no vote. */
    record OrderIntended(OrderRequest request, ProposalId proposalId, String reason) implements JournalEvent {
        public OrderIntended {
            Objects.requireNonNull(request, "request");
            requireText(reason, "reason");
        }

        public ClientOrderId clientOrderId() { return request.clientOrderId(); }

        @Override public Kind kind() { return Kind.ORDER_INTENDED; }

        @Override public boolean requiresDurability() { return true; }
    }

    /** The broker accepted the order. */
    record OrderPlaced(Order order) implements JournalEvent {
        public OrderPlaced {
            Objects.requireNonNull(order, "order");
        }

        @Override public Kind kind() { return Kind.ORDER_PLACED; }
    }

    record OrderFilled(Fill fill) implements JournalEvent {
        public OrderFilled {
            Objects.requireNonNull(fill, "fill");
        }

        @Override public Kind kind() { return Kind.ORDER_FILLED; }
    }

    /** The desk's pre-trade checks or the broker refused the order. */
    record OrderRejected(ClientOrderId clientOrderId, RejectReason reason, String detail) implements JournalEvent {
        public OrderRejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override public Kind kind() { return Kind.ORDER_REJECTED; }
    }

    /**
     * A position after a change: {@code quantity} is signed (negative for a short, zero once closed,
     * then {@code averagePrice} is null). {@code waterMark} is the high (long) or low (short) the
     * trailing stop follows; stops, target and trailing terms are null when not set.
     */
    record PositionChanged(Ticker ticker, long quantity, Price averagePrice, Price stop, Price target,
                           BigDecimal trailingStopPct, Price waterMark) implements JournalEvent {
        public PositionChanged {
            Objects.requireNonNull(ticker, "ticker");
            if ((quantity == 0) != (averagePrice == null)) throw new IllegalArgumentException("averagePrice: required while the position is open, and only then");
            if (trailingStopPct != null && trailingStopPct.signum() <= 0) throw new IllegalArgumentException("trailingStopPct: must be positive, was " + trailingStopPct);
        }

        @Override public Kind kind() { return Kind.POSITION_CHANGED; }
    }

    /** The session's configuration after a change, field by field as text (e.g. {@code maxPositionPct -> "25"}). */
    record ConfigChanged(Map<String, String> fields) implements JournalEvent {
        public ConfigChanged {
            fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
        }

        /** The fields in name order, as they are serialised. */
        public Map<String, String> sortedFields() { return new TreeMap<>(fields); }

        @Override public Kind kind() { return Kind.CONFIG_CHANGED; }
    }

    /** A move from one named state to another, and why: the session's own, or what it may trade. */
    sealed interface Transition extends JournalEvent {
        String from();

        String to();

        String reason();
    }

    /** The session moved between states (names of the session's state machine, e.g. PROPOSAL to AUTO_TRADING). */
    record StateChanged(String from, String to, String reason) implements Transition {
        public StateChanged {
            requireText(from, "from");
            requireText(to, "to");
            Objects.requireNonNull(reason, "reason");
        }

        @Override public Kind kind() { return Kind.STATE_CHANGED; }
    }

    /** What the session may trade moved (the RiskEngine's ACTIVE, REDUCING or HALTED), and why. */
    record TradingStateChanged(String from, String to, String reason) implements Transition {
        public TradingStateChanged {
            requireText(from, "from");
            requireText(to, "to");
            requireText(reason, "reason");
        }

        @Override public Kind kind() { return Kind.TRADING_STATE_CHANGED; }
    }

    /** Something a person did to the session: the audit of every user mutation. */
    record UserAction(String actor, Action action, String detail) implements JournalEvent {
        public UserAction {
            requireText(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(detail, "detail");
        }

        @Override public Kind kind() { return Kind.USER_ACTION; }

        public enum Action {
            START_SESSION,
            APPROVE_PROPOSAL,
            REJECT_PROPOSAL,
            ENABLE_AUTO_TRADING,
            DISABLE_AUTO_TRADING,
            CONFIRM_TRADE,
            DENY_TRADE,
            /** An order from the user's order ticket, checked like any other. */
            PLACE_ORDER,
            /** The user typed the live account's number: the desk may trade it from now on. */
            CONFIRM_LIVE_ACCOUNT,
            CLOSE_POSITION,
            FLATTEN,
            EDIT_STOPS,
            CHANGE_CONFIG,
            STOP_SESSION,
            /** A stopped, flat session is put away: the desk forgets it, the journal keeps it for the audit. */
            ARCHIVE_SESSION,
            /** A ticker added to the session's watchlist: its agents watch it and may trade it. */
            WATCH_TICKER,
            /** A ticker taken off the session's watchlist, once nothing of it is held or working. */
            UNWATCH_TICKER
        }
    }

    /**
     * A role asked a language model how to vote on {@code proposalId}, or how to answer the question
     * of message {@code questionId} (exactly one of the two is set), and what came of it: which
     * model (as configured, and the version the server reported), which prompt (its version, and
     * the hash of the text sent, which is also the cache's key), the tokens both ways, how long it
     * took, what it cost in dollars, and the model's answer as it came. A call the desk never sent
     * (the budget was spent, the circuit was open) is recorded too, with no tokens and no answer,
     * so that every fallback is in the journal. A cached answer is {@code cached}, free and instant.
     * Never a key or a header: only what the model was asked about and what it said.
     */
    record ReasonerCalled(ProposalId proposalId, AgentRole role, String provider, String model, String modelVersion,
                          String promptVersion, String promptHash, long tokensIn, long tokensOut, long latencyMillis,
                          BigDecimal cost, Outcome outcome, boolean cached, String raw, UUID questionId) implements JournalEvent {
        public ReasonerCalled {
            if ((proposalId == null) == (questionId == null)) {
                throw new IllegalArgumentException("proposalId, questionId: a call is about a proposal or a question, exactly one of them");
            }
            Objects.requireNonNull(role, "role");
            requireText(provider, "provider");
            requireText(model, "model");
            Objects.requireNonNull(modelVersion, "modelVersion");
            requireText(promptVersion, "promptVersion");
            requireText(promptHash, "promptHash");
            if (tokensIn < 0 || tokensOut < 0) throw new IllegalArgumentException("tokens: must not be negative, were " + tokensIn + " in, " + tokensOut + " out");
            if (latencyMillis < 0) throw new IllegalArgumentException("latencyMillis: must not be negative, was " + latencyMillis);
            Objects.requireNonNull(cost, "cost");
            if (cost.signum() < 0) throw new IllegalArgumentException("cost: must not be negative, was " + cost);
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(raw, "raw");
        }

        /** A call about a vote on {@code proposalId}. */
        public ReasonerCalled(ProposalId proposalId, AgentRole role, String provider, String model, String modelVersion,
                              String promptVersion, String promptHash, long tokensIn, long tokensOut, long latencyMillis,
                              BigDecimal cost, Outcome outcome, boolean cached, String raw) {
            this(Objects.requireNonNull(proposalId, "proposalId"), role, provider, model, modelVersion, promptVersion, promptHash,
                    tokensIn, tokensOut, latencyMillis, cost, outcome, cached, raw, null);
        }

        @Override public Kind kind() { return Kind.REASONER_CALLED; }

        public long tokens() { return tokensIn + tokensOut; }

        /** Whether the call was about {@code proposal}'s vote. */
        public boolean isAbout(ProposalId proposal) { return proposal.equals(proposalId); }

        /** What came of the call; every outcome but ANSWERED is a fallback to the role's rules. */
        public enum Outcome {
            ANSWERED("the model answered"),
            TIMED_OUT("the model did not answer in time"),
            UNAVAILABLE("the model could not be reached or failed"),
            INVALID_ANSWER("the model's answer was not valid"),
            REFUSED("the model refused to answer"),
            CIRCUIT_OPEN("the model's provider is failing and is given a rest"),
            BUDGET_SPENT("the token budget is spent");

            private final String sentence;

            Outcome(String sentence) { this.sentence = sentence; }

            public String sentence() { return sentence; }

            public boolean isFallback() { return this != ANSWERED; }
        }
    }

    /**
     * What {@code role} saw of the desk when it voted on {@code proposalId}, at {@code at} (market
     * time), and what it remembered beyond the desk that its rules weigh ({@code memory}: for
     * Fundamental the news answer it heard, for Technical that it had countered the proposal; null
     * when nothing): journaled before the vote, so that a replay can ask the role's rules again on
     * the same desk and tell a changed rule by its vote.
     */
    record VoteSeen(ProposalId proposalId, AgentRole role, Instant at, SeenDesk seen, String memory) implements JournalEvent {
        public VoteSeen {
            Objects.requireNonNull(proposalId, "proposalId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(seen, "seen");
        }

        @Override public Kind kind() { return Kind.VOTE_SEEN; }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": must not be blank");
    }
}
