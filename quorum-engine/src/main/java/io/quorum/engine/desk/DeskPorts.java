package io.quorum.engine.desk;

import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.port.Broker;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.DecisionFence;
import io.quorum.engine.port.FundamentalsProvider;
import io.quorum.engine.port.Journal;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.port.MessageBus;
import io.quorum.engine.port.NewsFeed;
import io.quorum.engine.port.OrchestratorLease;
import io.quorum.engine.reasoning.Reasoner;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the desk needs from the outside world. The bus is made by the desk from a factory,
 * because the desk supplies the bus's journal hook and message guard.
 *
 * <p>Two clocks: {@code clock} is the market's (simulated and fast in a demo or a backtest), and
 * {@code userClock} is the one people live by, for deadlines a person must meet, such as
 * confirming a large trade. In production both are the wall clock.
 *
 * <p>{@code reasoner} is the language model that may vote for the agents' roles; without one
 * ({@link Reasoner#RULES_ONLY}), every agent votes by its rules.
 *
 * <p>{@code lease} and {@code fence} say whose orchestrator decides for a session, where several
 * processes could ({@link OrchestratorLease}, {@link DecisionFence}); a desk alone on its sessions
 * has {@link OrchestratorLease#SOLE} and {@link DecisionFence#SOLE}.
 */
public record DeskPorts(
        Clock clock,
        Clock userClock,
        ExchangeCalendar calendar,
        MarketDataFeed market,
        NewsFeed news,
        FundamentalsProvider fundamentals,
        Broker broker,
        Journal journal,
        Function<BusSettings, MessageBus> busFactory,
        Reasoner reasoner,
        OrchestratorLease lease,
        DecisionFence fence) {
    public DeskPorts {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(userClock, "userClock");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(news, "news");
        Objects.requireNonNull(fundamentals, "fundamentals");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(busFactory, "busFactory");
        Objects.requireNonNull(reasoner, "reasoner");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(fence, "fence");
    }

    /** A desk alone on its sessions. */
    public DeskPorts(Clock clock, Clock userClock, ExchangeCalendar calendar, MarketDataFeed market, NewsFeed news, FundamentalsProvider fundamentals,
                     Broker broker, Journal journal, Function<BusSettings, MessageBus> busFactory, Reasoner reasoner) {
        this(clock, userClock, calendar, market, news, fundamentals, broker, journal, busFactory, reasoner, OrchestratorLease.SOLE, DecisionFence.SOLE);
    }

    /** A desk whose agents vote by their rules alone. */
    public DeskPorts(Clock clock, Clock userClock, ExchangeCalendar calendar, MarketDataFeed market, NewsFeed news,
                     FundamentalsProvider fundamentals, Broker broker, Journal journal, Function<BusSettings, MessageBus> busFactory) {
        this(clock, userClock, calendar, market, news, fundamentals, broker, journal, busFactory, Reasoner.RULES_ONLY);
    }

    public DeskPorts withReasoner(Reasoner newReasoner) {
        return new DeskPorts(clock, userClock, calendar, market, news, fundamentals, broker, journal, busFactory, newReasoner, lease, fence);
    }

    /** The same ports, the sessions' orchestration leased from {@code newLease} and its decisions checked by {@code newFence}. */
    public DeskPorts withLease(OrchestratorLease newLease, DecisionFence newFence) {
        return new DeskPorts(clock, userClock, calendar, market, news, fundamentals, broker, journal, busFactory, reasoner, newLease, newFence);
    }
}
