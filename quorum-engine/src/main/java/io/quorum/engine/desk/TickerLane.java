package io.quorum.engine.desk;

import io.quorum.engine.agent.Agent;
import io.quorum.engine.agent.AgentContext;
import io.quorum.engine.agent.AgentRunner;
import io.quorum.engine.agent.ExecutionAgent;
import io.quorum.engine.agent.FundamentalAgent;
import io.quorum.engine.agent.RiskAgent;
import io.quorum.engine.agent.SentimentAgent;
import io.quorum.engine.agent.TechnicalAgent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.IndicatorSignal;
import io.quorum.engine.market.signal.MarketEvent;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The five agents of one ticker a session watches, each on its own runner. A session has a lane
 * for its own ticker and one for each ticker it adds to its watchlist; each lane's agents read and
 * reason about their ticker alone, and hear what is said about it (or about no ticker).
 */
final class TickerLane implements AutoCloseable {
    private final Ticker ticker;
    private final Map<AgentRole, AgentRunner> runners = new EnumMap<>(AgentRole.class);

    /** @param context the agents' context, whose ticker is the lane's */
    TickerLane(AgentContext context, Executor workers, BiConsumer<Agent, Throwable> onFailure) {
        this.ticker = context.ticker();
        List<Agent> agents = List.of(new TechnicalAgent(context), new FundamentalAgent(context), new SentimentAgent(context),
                new RiskAgent(context), new ExecutionAgent(context));
        for (Agent agent : agents) runners.put(agent.role(), new AgentRunner(agent, workers, onFailure));
    }

    Ticker ticker() { return ticker; }

    AgentRunner runner(AgentRole role) { return runners.get(role); }

    /** Hands {@code message} to the lane's agent of {@code role}, on that agent's runner. */
    void deliver(AgentRole role, AgentMessage message) { runners.get(role).run(agent -> agent.onMessage(message)); }

    /** A market event for the lane's ticker: Risk and Fundamental review it, and the agent it is for takes it up. */
    void onMarketEvent(MarketEvent event) {
        runners.get(AgentRole.RISK).run(agent -> ((RiskAgent) agent).review(event.text()));
        runners.get(AgentRole.FUNDAMENTAL).run(agent -> ((FundamentalAgent) agent).reviewValuation(event.text()));
        switch (event) {
            case IndicatorSignal signal -> runners.get(AgentRole.TECHNICAL).run(agent -> ((TechnicalAgent) agent).onSignal(signal));
            case MarketEvent.VolumeSpike spike -> runners.get(AgentRole.TECHNICAL).run(agent -> ((TechnicalAgent) agent).onVolumeSpike(spike));
            case MarketEvent.NewsArrived news -> runners.get(AgentRole.SENTIMENT).run(agent -> ((SentimentAgent) agent).onHeadline(news.item()));
        }
    }

    /** Lets the agents go; each runner finishes the work already queued. */
    @Override public void close() {
        for (AgentRunner runner : runners.values()) runner.close();
    }
}
