package io.quorum.adapters.jdbc.paper;

import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.Schema;
import io.quorum.engine.broker.BrokerContract;
import io.quorum.engine.broker.CommissionSchedule;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.port.Broker;
import io.quorum.engine.time.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/** The paper broker on its SQLite account keeps the promises of every broker. */
class JdbcPaperBrokerTest extends BrokerContract {
    /** A Monday, 10:00 in New York: the regular session runs until 16:00. Every new broker starts then, on a clock of its own. */
    private static final Instant MORNING = Instant.parse("2025-03-03T15:00:00Z");

    /** The clock of the broker made last. */
    private ManualClock clock = new ManualClock(MORNING);
    /** Each broker with what to close when it is done: its account, its database and the folder of its file. */
    private final Map<PaperBroker, Opened> opened = new ConcurrentHashMap<>();

    private record Opened(Path folder, Database database, JdbcPaperAccountStore store) {}

    @Override
    protected Broker newBroker() { return open(PaperBrokerConfig.frictionless(Money.ofDollars(100_000))); }

    @Override
    protected Broker newBroker(long maxFillQuantity) {
        return open(new PaperBrokerConfig(Money.ofDollars(100_000), 2, new CommissionSchedule.PerShare(Money.parse("0.005"), Money.parse("1")))
                .withMaxFillQuantity(maxFillQuantity));
    }

    @Override
    protected Broker newBrokerKeepingBrackets() { return open(PaperBrokerConfig.frictionless(Money.ofDollars(100_000)).withBrackets()); }

    private PaperBroker open(PaperBrokerConfig config) {
        try {
            clock = new ManualClock(MORNING);
            Path folder = Files.createTempDirectory("paper-broker-");
            Database database = Database.openFile(folder.resolve("paper-broker.db"), Schema.PAPER_BROKER);
            JdbcPaperAccountStore store = new JdbcPaperAccountStore(database, config.startingCash());
            PaperBroker paper = new PaperBroker(clock, ExchangeCalendar.NYSE, config, store);
            opened.put(paper, new Opened(folder, database, store));
            return paper;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void quote(Ticker ticker, Price bid, Price ask) {
        long last = (bid.micros() + ask.micros()) / 2;
        for (PaperBroker paper : opened.keySet()) paper.onTick(new Tick(ticker, clock.millis(), last, bid.micros(), ask.micros(), 100));
    }

    @Override
    protected void passTheClose() { clock.advance(Duration.ofHours(7)); }

    @Override
    protected void release(Broker finished) {
        Opened done = opened.remove(finished);
        if (done == null) return;
        done.store().close();
        done.database().close();
        try (Stream<Path> files = Files.walk(done.folder())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeTheAccounts() {
        for (PaperBroker paper : new ArrayList<>(opened.keySet())) release(paper);
    }
}
