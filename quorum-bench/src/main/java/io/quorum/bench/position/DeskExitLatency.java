package io.quorum.bench.position;

import io.quorum.bench.Scenario;
import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.desk.Desk;
import io.quorum.engine.desk.DeskPorts;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.Account;
import io.quorum.engine.order.BrokerPosition;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderEvent;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.order.Submission;
import io.quorum.engine.port.Broker;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedClock;
import io.quorum.engine.simulation.SimulatedFundamentals;
import io.quorum.engine.simulation.SimulatedMarket;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.store.ObservableJournal;
import io.quorum.engine.time.SystemClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * S5b: the whole desk's exit path, from the tick that crosses a stop to the exit order at the
 * broker: the engine loop, the ALERT on the bus, the durable intent in the journal. Each round
 * starts a desk that recovers one long position with a stop from its journal, then moves the
 * market through the stop by one tick. Run twice: with nobody following the journal's tail, and
 * with a follower stalled for the whole round (a WebSocket client that stopped reading, say),
 * which must change nothing.
 */
public final class DeskExitLatency implements Scenario {
    private static final Ticker NVDA = Ticker.of("NVDA");
    private static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    private static final Instant OPEN = NYSE.sessionOpen(LocalDate.of(2025, 3, 4));
    private static final Price STOP = Price.parse("95.00");

    @Override public String id() { return "S5b"; }

    @Override public String title() { return "desk: stop-loss tick to exit order at the broker, with and without a stalled journal follower"; }

    @Override
    public List<Figure> run(Mode mode) throws Exception {
        int rounds = mode == Mode.QUICK ? 60 : 300;
        rounds(10, false);
        Histogram healthy = rounds(rounds, false);
        Histogram stalled = rounds(rounds, true);
        List<Figure> figures = new ArrayList<>();
        figures.addAll(describe("desk, nobody following the tail", healthy, ""));
        figures.addAll(describe("desk, a tail follower stalled", stalled, ""));
        double ratio = (double) stalled.getValueAtPercentile(99) / Math.max(1, healthy.getValueAtPercentile(99));
        figures.add(new Figure(id(), "stalled / healthy", "p99 ratio", String.format("%.2f x", ratio), ratio <= 1.5 ? "≤ 1.5 x: met" : "≤ 1.5 x: MISSED"));
        return figures;
    }

    private List<Figure> describe(String subject, Histogram latency, String target) {
        return List.of(
                new Figure(id(), subject, "tick->exit p50 µs", micros(latency.getValueAtPercentile(50)), target),
                new Figure(id(), subject, "tick->exit p99 µs", micros(latency.getValueAtPercentile(99)), target),
                new Figure(id(), subject, "tick->exit max µs", micros(latency.getMaxValue()), target),
                new Figure(id(), subject, "exits measured", Long.toString(latency.getTotalCount()), ""));
    }

    private static String micros(long nanos) { return String.format("%.1f", nanos / 1_000.0); }

    private static Histogram rounds(int rounds, boolean stall) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int i = 0; i < rounds; i++) latency.recordValue(round(stall));
        return latency;
    }

    /** One desk, one position, one stop crossed: the nanoseconds from the crossing tick to the exit order. */
    private static long round(boolean stall) throws Exception {
        SimulatedClock clock = SimulatedClock.manual(OPEN);
        ScriptedPrices prices = ScriptedPrices.startingAt("100.00").hold(Duration.ofSeconds(20)).gapTo("94.00").hold(Duration.ofMinutes(1));
        SimulatedMarket market = SimulatedMarket.builder(clock).seed(7).start(OPEN).ticker(NVDA.symbol(), prices).build();
        PaperBroker paper = PaperBroker.inMemory(clock, NYSE, PaperBrokerConfig.frictionless(Money.ofDollars(100_000)));
        market.subscribe(NVDA, paper::onTick, bar -> { });
        advance(clock, market, OPEN.plusSeconds(10));

        OrderRequest entry = OrderRequest.market(ClientOrderId.of("q-entry"), NVDA, Side.BUY, 100);
        Order bought = ((Submission.Accepted) paper.submit(entry)).order();
        InMemoryJournal journal = new InMemoryJournal(clock);
        SessionId session = SessionId.random();
        journal.append(session, new JournalEvent.SessionOpened(NVDA));
        journal.append(session, new JournalEvent.StateChanged("PROPOSAL", "AUTO_TRADING", "approved"));
        journal.appendDurably(session, new JournalEvent.OrderIntended(entry, null, "entry"));
        journal.append(session, new JournalEvent.OrderPlaced(bought));
        journal.append(session, new JournalEvent.OrderFilled(paper.findByClientOrderId(entry.clientOrderId()).orElseThrow().fills().getFirst()));
        journal.append(session, new JournalEvent.PositionChanged(NVDA, 100, Price.parse("100.00"), STOP, null, null, null));

        ObservableJournal tail = new ObservableJournal(journal);
        CountDownLatch roundOver = new CountDownLatch(1);
        if (stall) tail.followAll(entry1 -> await(roundOver));
        ExitTimer broker = new ExitTimer(paper);
        Desk desk = new Desk(new DeskPorts(clock, SystemClock.INSTANCE, NYSE, market, market.newsFeed(), new SimulatedFundamentals(), broker, tail,
                InMemoryMessageBus::new), DeskSettings.defaults());
        try {
            desk.recover();
            advance(clock, market, OPEN.plusSeconds(18));
            desk.loop().awaitIdle();
            long crossing = System.nanoTime();
            advance(clock, market, OPEN.plusSeconds(21));
            long sent = broker.awaitExit();
            return sent - crossing;
        } finally {
            roundOver.countDown();
            desk.close();
            market.close();
        }
    }

    private static void advance(SimulatedClock clock, SimulatedMarket market, Instant to) {
        clock.jumpTo(to);
        market.advanceTo(to);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The paper broker, noting when the first sell order arrives. */
    private static final class ExitTimer implements Broker {
        private final Broker broker;
        private volatile long exitNanos;

        ExitTimer(Broker broker) { this.broker = broker; }

        long awaitExit() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (exitNanos == 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("no exit order within 10 s");
                Thread.onSpinWait();
            }
            return exitNanos;
        }

        @Override public Submission submit(OrderRequest request) {
            if (request.side() == Side.SELL && exitNanos == 0) exitNanos = System.nanoTime();
            return broker.submit(request);
        }

        @Override public Optional<Order> findByClientOrderId(ClientOrderId id) { return broker.findByClientOrderId(id); }

        @Override public boolean cancel(ClientOrderId id) { return broker.cancel(id); }

        @Override public boolean answersInProcess() { return broker.answersInProcess(); }

        @Override public List<BrokerPosition> positions() { return broker.positions(); }

        @Override public Account account() { return broker.account(); }

        @Override public void onOrderEvent(Consumer<OrderEvent> listener) { broker.onOrderEvent(listener); }
    }
}
