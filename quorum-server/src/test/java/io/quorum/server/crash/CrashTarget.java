package io.quorum.server.crash;

import io.quorum.adapters.alpaca.trading.AlpacaBroker;
import io.quorum.adapters.alpaca.trading.AlpacaTradingServer;
import io.quorum.adapters.alpaca.trading.AlpacaTradingSettings;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskSession;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.time.SystemClock;
import io.quorum.server.wiring.BrokerChoice;
import io.quorum.server.wiring.EmbeddedDesk;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The process the crash campaign kills: the embedded desk on a fast simulated market, on a journal
 * file and a broker file that outlive it, trading AAPL as fast as it can. Every 50-200 ms of wall
 * time Technical proposes either buying a few shares or closing the whole position; with a quorum
 * of one its own approval carries the vote, so orders flow without pause.
 *
 * <p>Prints {@value #TRADING} once the session may trade and {@value #STOPPED} after a clean stop
 * (when a line arrives on standard input). Arguments: journal file, broker file, market speed, and
 * optionally the URL of an Alpaca trading server, whose account then takes the orders instead of
 * the paper broker in the broker file.
 */
public final class CrashTarget {
    static final String TRADING = "CRASH-TARGET TRADING";
    static final String STOPPED = "CRASH-TARGET STOPPED";
    static final Ticker TICKER = Ticker.of("AAPL");
    private static final long SEED = 7;

    private CrashTarget() { }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        Path broker = Path.of(args[1]);
        double speed = Double.parseDouble(args[2]);
        // The desk recovers its sessions from the journal when it is built, before the market moves.
        BrokerChoice orders = args.length > 3 ? new BrokerChoice.Venue(alpaca(URI.create(args[3]))) : new BrokerChoice.Paper(broker);
        EmbeddedDesk embedded = EmbeddedDesk.onSimulatedMarket(SEED, speed, journal, orders, DeskSettings.defaults().withDefaultConfig(churningConfig()));
        embedded.start();
        DeskSession session = tradingSession(embedded.desk());
        System.out.println(TRADING + " " + session.id());
        System.out.flush();

        Thread churn = Thread.ofPlatform().daemon().name("churn").start(() -> churn(embedded.desk(), session));
        System.in.read();
        churn.interrupt();
        churn.join();
        embedded.close();
        System.out.println(STOPPED);
        System.out.flush();
        System.exit(0);
    }

    /** The Alpaca account at {@code tradingUrl}, with the local server's keys, patient for a second per request. */
    private static AlpacaBroker alpaca(URI tradingUrl) {
        AlpacaTradingSettings settings = AlpacaTradingSettings.of(false).withServer(tradingUrl).withTimeout(Duration.ofSeconds(1))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(200)).withPollInterval(Duration.ofMillis(200));
        return AlpacaBroker.start(settings, AlpacaTradingServer.keys(), SystemClock.INSTANCE);
    }

    /** A quorum of one, no confirmation, room for as many trades as the campaign makes. */
    private static AutoTradingConfig churningConfig() {
        return new AutoTradingConfig(BigDecimal.valueOf(25), BigDecimal.valueOf(50), 1_000_000, LocalTime.of(9, 30), LocalTime.of(16, 0),
                ZoneId.of("America/New_York"), Money.ofDollars(1_000_000), Duration.ofSeconds(30), 1, null, false);
    }

    /** The session recovery brought back if it may still trade, else a new one approved and switched to auto-trading. */
    private static DeskSession tradingSession(Desk desk) throws InterruptedException {
        for (DeskSession recovered : desk.sessions()) {
            if (recovered.ticker().equals(TICKER) && recovered.isTradingAllowed()) return recovered;
        }
        DeskSession session = desk.open(TICKER, "crash-campaign");
        while (session.state() != SessionState.PROPOSAL) {
            if (session.state() == SessionState.STOPPED) throw new IllegalStateException("the session stopped during its analysis");
            Thread.sleep(20);
        }
        session.approve(session.proposal().orElseThrow().id(), "crash-campaign");
        session.enableAutoTrading("crash-campaign");
        return session;
    }

    private static void churn(Desk desk, DeskSession session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean buy = true;
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Price> last = desk.lastPrice(TICKER);
            if (last.isPresent()) {
                Proposal proposal = buy
                        ? new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, TICKER, Direction.LONG, Size.shares(random.nextLong(1, 6)), last.get(),
                                null, null, null, "crash campaign: keep orders flowing", "Buy a few AAPL")
                        : new Proposal(ProposalId.random(), TradeAction.CLOSE, TICKER, Direction.LONG, Size.percentOfPosition("100"), last.get(),
                                null, null, null, "crash campaign: keep orders flowing", "Close AAPL");
                desk.bus().publish(AgentMessage.draft(session.id(), AgentRole.TECHNICAL, Recipients.all(), proposal, desk.clock().now()));
                buy = !buy;
            }
            try {
                Thread.sleep(random.nextLong(50, 201));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
