package io.quorum.engine.agent;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.Clock;
import io.quorum.engine.port.MessageBus;
import java.util.Objects;

/** Where an agent works: its session and ticker, the bus it talks on, the clock and its view of the desk. */
public record AgentContext(SessionId session, Ticker ticker, MessageBus bus, Clock clock, DeskView desk) {
    public AgentContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(desk, "desk");
    }
}
