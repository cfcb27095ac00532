package io.quorum.engine.agent;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.reasoning.Reasoner;
import java.util.Objects;

/**
 * Where an agent works: its session and ticker, the bus it talks on, the clock and its view of the
 * desk; and, when a language model may speak for it, the reasoner and where its calls are recorded;
 * and who hears what it is doing ({@link AgentActivity}).
 */
public record AgentContext(SessionId session, Ticker ticker, MessageBus bus, Clock clock, DeskView desk, Reasoner reasoner, CallRecord calls,
                           ActivityListener activity) {
    public AgentContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(reasoner, "reasoner");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(activity, "activity");
    }

    /** An agent whose activity nobody watches. */
    public AgentContext(SessionId session, Ticker ticker, MessageBus bus, Clock clock, DeskView desk, Reasoner reasoner, CallRecord calls) {
        this(session, ticker, bus, clock, desk, reasoner, calls, activity -> { });
    }

    /** An agent that reasons by its rules alone. */
    public AgentContext(SessionId session, Ticker ticker, MessageBus bus, Clock clock, DeskView desk) {
        this(session, ticker, bus, clock, desk, Reasoner.RULES_ONLY, (in, call) -> { });
    }

    /** Hears what the agent is doing as it does it; called on the agent's or the reasoner's thread, so it only hands the value on. */
    @FunctionalInterface
    public interface ActivityListener {
        void onActivity(AgentActivity activity);
    }

    /**
     * Keeps a record of each model call an agent made (called on the reasoner's thread, before the
     * vote is published), and of what each vote saw of the desk (on the agent's thread, before the vote).
     */
    @FunctionalInterface
    public interface CallRecord {
        void record(SessionId session, ReasonerCalled call);

        /** What a vote saw of the desk; kept nowhere unless the record keeps it (the desk journals it). */
        default void seen(SessionId session, JournalEvent.VoteSeen seen) { }
    }
}
