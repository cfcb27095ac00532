package io.quorum.adapters.jdbc.paper;

import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.engine.broker.BrokerContract;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The paper broker on its SQLite account keeps the promises of every broker. */
class JdbcPaperBrokerTest extends BrokerContract {
    @TempDir Path folder;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T15:00:00Z"));
    private Database database;
    private JdbcPaperAccountStore store;
    private PaperBroker paper;

    @Override
    protected Broker newBroker() {
        PaperBrokerConfig config = PaperBrokerConfig.frictionless(Money.ofDollars(100_000));
        database = Database.openFile(folder.resolve("paper-broker.db"), Schema.PAPER_BROKER);
        store = new JdbcPaperAccountStore(database, config.startingCash());
        paper = new PaperBroker(clock, instant -> true, config, store);
        return paper;
    }

    @Override
    protected void quote(Ticker ticker, Price bid, Price ask) {
        long last = (bid.micros() + ask.micros()) / 2;
        paper.onTick(new Tick(ticker, clock.millis(), last, bid.micros(), ask.micros(), 100));
    }

    @AfterEach
    void closeTheAccount() {
        store.close();
        database.close();
    }
}
