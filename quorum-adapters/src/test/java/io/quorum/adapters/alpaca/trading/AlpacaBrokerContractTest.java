package io.quorum.adapters.alpaca.trading;

import io.quorum.engine.broker.BrokerContract;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;

/** The broker contract, met by {@link AlpacaBroker} against a local server speaking Alpaca's REST and stream formats. */
class AlpacaBrokerContractTest extends BrokerContract {
    /** A Monday, 10:00 in New York: the regular session runs until 16:00. */
    private static final Instant MORNING = Instant.parse("2025-03-03T15:00:00Z");

    private final Map<Broker, AlpacaTradingServer> servers = new ConcurrentHashMap<>();
    private ManualClock clock;

    @Override
    protected Broker newBroker() { return newBroker(PaperBrokerConfig.UNLIMITED_DEPTH); }

    @Override
    protected Broker newBroker(long maxFillQuantity) { return start(maxFillQuantity, false); }

    @Override
    protected Broker newBrokerKeepingBrackets() { return start(PaperBrokerConfig.UNLIMITED_DEPTH, true); }

    private Broker start(long maxFillQuantity, boolean venueBrackets) {
        clock = new ManualClock(MORNING);
        AlpacaTradingServer server = new AlpacaTradingServer(clock, Money.ofDollars(100_000), maxFillQuantity);
        AlpacaBroker alpaca = AlpacaBroker.start(server.settings().withVenueBrackets(venueBrackets), AlpacaTradingServer.keys(), clock);
        servers.put(alpaca, server);
        TradingStreams.awaitListening(alpaca);
        return alpaca;
    }

    @Override
    protected void quote(Ticker ticker, Price bid, Price ask) {
        for (AlpacaTradingServer server : servers.values()) server.quote(ticker, bid, ask);
    }

    @Override
    protected void passTheClose() { clock.advance(Duration.ofHours(7)); }

    @Override
    protected void release(Broker finished) {
        AlpacaTradingServer server = servers.remove(finished);
        ((AlpacaBroker) finished).close();
        if (server != null) server.close();
    }

    @AfterEach
    void releaseEveryBroker() {
        for (Broker broker : servers.keySet()) release(broker);
    }
}
