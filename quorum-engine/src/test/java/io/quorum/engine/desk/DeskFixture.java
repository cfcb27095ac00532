package io.quorum.engine.desk;

import static org.awaitility.Awaitility.await;

import io.quorum.engine.broker.PaperBroker;
import io.quorum.engine.broker.PaperBrokerConfig;
import io.quorum.engine.bus.InMemoryMessageBus;
import io.quorum.engine.consensus.VotingRules;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.IndicatorSignal;
import io.quorum.engine.market.signal.MarketMonitor;
import io.quorum.engine.market.signal.MonitorSettings;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Money;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.port.DecisionFence;
import io.quorum.engine.port.OrchestratorLease;
import io.quorum.engine.port.FundamentalsProvider;
import io.quorum.engine.port.MarketDataFeed;
import io.quorum.engine.position.Position;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.SizingRule;
import io.quorum.engine.session.SessionState;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedClock;
import io.quorum.engine.simulation.SimulatedFundamentals;
import io.quorum.engine.simulation.SimulatedMarket;
import io.quorum.engine.simulation.SimulatedNewsFeed;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.store.ObservableJournal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The whole desk on a market a test writes: a manual clock that moves only when the test says so,
 * a simulated market advanced synchronously along a {@link ScriptedPrices} path for NVDA, a paper
 * broker that sees every tick before the desk does (as in production), the in-memory journal and
 * bus. The agents think on their own threads, so a test waits for what they say, never for time.
 *
 * <p>NVDA's past is made up too: 300 calm days of a steady climb to $100 (the 50-day average above
 * the 200-day, a daily range of {@code ±dailyRange}), so that every agent's reading is known in
 * advance: Technical sees an uptrend, Fundamental likes NVDA's growth, Sentiment has no news,
 * Risk sees a quiet chart, Execution sees an open market with a two-cent spread.
 */
final class DeskFixture implements AutoCloseable {
    static final ExchangeCalendar NYSE = ExchangeCalendar.NYSE;
    static final Ticker NVDA = Ticker.of("NVDA");
    /** A Tuesday's open, 09:30 New York. */
    static final Instant OPEN = NYSE.sessionOpen(LocalDate.of(2025, 3, 4));
    static final Money STARTING_CASH = Money.ofDollars(100_000);
    static final String USER = "alice";
    static final Duration PATIENCE = Duration.ofSeconds(10);

    final SimulatedClock clock;
    final SimulatedMarket market;
    final PaperBroker paper;
    final RecordingBroker broker;
    private final DecisionFence fence;
    final InMemoryJournal journal;
    /** The journal's storage: a test can stop it and start it again. */
    final JournalOutage storage;
    /** The journal as the desk sees it, with its live tail: a test may follow it, as the server's stream does. */
    final ObservableJournal tail;
    Desk desk;
    private final DeskSettings settings;
    private final FundamentalsProvider fundamentals;
    /** What the desk reads its prices from: the simulated market itself, or a feed a test puts around it. */
    private final MarketDataFeed feed;
    private final Reasoner reasoner;
    /** A monitor of our own beside the desk's: it sees the same bars, so it tells the test which signals the desk was given. */
    private final MarketMonitor signals;
    private final List<SignalKind> signalled = new CopyOnWriteArrayList<>();
    /** The signals the monitor fired, with the ticker each was for. */
    private final List<IndicatorSignal> signalsFired = new CopyOnWriteArrayList<>();
    private final List<MarketDataFeed.Subscription> subscriptions = new ArrayList<>();

    private DeskFixture(Builder builder) {
        clock = SimulatedClock.manual(OPEN);
        SimulatedMarket.Builder listing = SimulatedMarket.builder(clock).seed(7).start(OPEN)
                .ticker(NVDA.symbol(), builder.prices)
                .dailyHistory(NVDA, calmClimb(NVDA, builder.dailyRange));
        builder.alsoListed.forEach((ticker, prices) -> listing.ticker(ticker.symbol(), prices).dailyHistory(ticker, calmClimb(ticker, builder.dailyRange)));
        market = listing.build();
        PaperBrokerConfig venue = PaperBrokerConfig.frictionless(STARTING_CASH).withMaxFillQuantity(builder.maxFillQuantity);
        paper = PaperBroker.inMemory(clock, NYSE, builder.venueKeepsBrackets ? venue.withBrackets() : venue);
        // The broker sees every tick before the desk does, so that an exit fills at the price that triggered it.
        subscriptions.add(market.subscribe(NVDA, paper::onTick, bar -> { }));
        for (Ticker listed : builder.alsoListed.keySet()) subscriptions.add(market.subscribe(listed, paper::onTick, bar -> { }));
        broker = new RecordingBroker(paper);
        if (builder.liveAccountNumber != null) broker.live(builder.liveAccountNumber);
        if (builder.remoteBroker) broker.remote();
        journal = new InMemoryJournal(clock);
        storage = new JournalOutage(journal);
        tail = new ObservableJournal(storage);
        settings = new DeskSettings(builder.config(), builder.confirmationTimeout,
                Duration.ofHours(4), Duration.ofMillis(20), builder.staleFeedAfter, builder.discussionMessages, RiskSettings.defaults().withLimits(builder.portfolioLimits));
        fundamentals = builder.fundamentals;
        feed = builder.feed.apply(market);
        reasoner = builder.reasoner;
        fence = builder.fence;
        desk = newDesk();
        signals = new MarketMonitor(market, market.newsFeed(), MonitorSettings.defaults(), NYSE);
        signals.addListener(event -> {
            if (event instanceof IndicatorSignal signal) {
                signalled.add(signal.kind());
                signalsFired.add(signal);
            }
        });
        signals.watch(NVDA);
        for (Ticker listed : builder.alsoListed.keySet()) signals.watch(listed);
    }

    private Desk newDesk() {
        return new Desk(new DeskPorts(clock, clock, NYSE, feed, market.newsFeed(), fundamentals, broker, tail, InMemoryMessageBus::new, reasoner)
                .withLease(OrchestratorLease.SOLE, fence), settings);
    }

    /**
     * The process dies and a new desk starts on the same journal and broker: the old desk's threads
     * stop without any goodbye, and the new one recovers before the market moves on.
     */
    List<DeskSession> restart() {
        desk.close();
        broker.forgetListeners();
        desk = newDesk();
        return desk.recover();
    }

    static Builder on(ScriptedPrices prices) { return new Builder(prices); }

    /** Quiet for ten minutes, then through the 20-day high ($101.13) to $102.50 in five minutes on eight times the volume. */
    static ScriptedPrices breakout() {
        return ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).moveTo("102.50", Duration.ofMinutes(5)).onVolume(8);
    }

    // ---- driving the market ------------------------------------------------------------------

    /**
     * Moves the clock and the market forward together, a second (one tick) at a time, on this
     * thread; after each tick it waits until the engine loop has handled it and every exit and
     * fill it led to, as a live desk keeps up with a real feed.
     */
    void advance(Duration by) {
        advanceTo(clock.now().plus(by));
    }

    void advanceTo(Instant until) {
        while (clock.now().isBefore(until)) {
            Instant next = clock.now().plus(Duration.ofSeconds(1));
            if (next.isAfter(until)) next = until;
            clock.jumpTo(next);
            market.advanceTo(next);
            desk.loop().awaitIdle();
        }
    }

    /** Advances a minute at a time until the market monitor fires {@code kind}; fails after {@code limit}. */
    void advanceUntilSignal(SignalKind kind, Duration limit) {
        Instant deadline = clock.now().plus(limit);
        while (!signalled.contains(kind)) {
            if (!clock.now().isBefore(deadline)) throw new AssertionError("no " + kind + " by " + deadline + "; signals: " + signalled);
            advance(Duration.ofMinutes(1));
        }
    }

    /** Advances a minute at a time until the market monitor fires {@code kind} for {@code ticker}; fails after {@code limit}. */
    void advanceUntilSignal(Ticker ticker, SignalKind kind, Duration limit) {
        Instant deadline = clock.now().plus(limit);
        while (signalsFired.stream().noneMatch(signal -> signal.ticker().equals(ticker) && signal.kind() == kind)) {
            if (!clock.now().isBefore(deadline)) throw new AssertionError("no " + kind + " for " + ticker + " by " + deadline + "; signals: " + signalsFired);
            advance(Duration.ofMinutes(1));
        }
    }

    void headline(String text, SimulatedNewsFeed.Tone tone) { headline(NVDA, text, tone); }

    void headline(Ticker ticker, String text, SimulatedNewsFeed.Tone tone) {
        market.newsFeed().publish(new NewsItem(ticker, text, "Newswire", clock.now()), tone);
    }

    // ---- the session ---------------------------------------------------------------------------

    /** Opens a session on NVDA and waits for its analysis to reach the proposal card. */
    DeskSession analysed() {
        DeskSession session = desk.open(NVDA, USER);
        await().atMost(PATIENCE).until(() -> session.state() == SessionState.PROPOSAL);
        return session;
    }

    /** Analysed, approved (which places the analysis's trade) and handed authority. */
    DeskSession autoTrading() {
        DeskSession session = analysed();
        session.approve(session.proposal().orElseThrow().id(), USER);
        session.enableAutoTrading(USER);
        return session;
    }

    // ---- what happened -------------------------------------------------------------------------

    List<JournalEvent> journal(DeskSession session) {
        List<JournalEvent> events = new ArrayList<>();
        for (JournalEntry entry : journal.read(session.id(), 0, Integer.MAX_VALUE)) events.add(entry.event());
        return events;
    }

    /** Every message of the session, in the order the journal kept them. */
    List<AgentMessage> conversation(DeskSession session) {
        List<AgentMessage> messages = new ArrayList<>();
        for (JournalEvent event : journal(session)) {
            if (event instanceof JournalEvent.MessageJournaled journaled) messages.add(journaled.message());
        }
        return messages;
    }

    List<AgentMessage> said(DeskSession session, Predicate<AgentMessage> what) {
        return conversation(session).stream().filter(what).toList();
    }

    /** Waits until someone says {@code what}, and returns the first such message. */
    AgentMessage awaitSaid(DeskSession session, Predicate<AgentMessage> what) {
        return await().atMost(PATIENCE).until(() -> said(session, what), found -> !found.isEmpty()).getFirst();
    }

    /** What the desk said about the orders it refused or the venue ended (ORDER_REJECTED alerts), in order. */
    List<String> orderAlerts(DeskSession session) {
        return said(session, type(MessageType.ALERT)).stream().map(message -> (Alert) message.content())
                .filter(alert -> alert.kind() == Alert.AlertKind.ORDER_REJECTED).map(Alert::text).toList();
    }

    Decision awaitDecision(DeskSession session, Predicate<AgentMessage> which) {
        return (Decision) awaitSaid(session, type(MessageType.DECISION).and(which)).content();
    }

    Optional<Position> position(DeskSession session) { return position(session, NVDA); }

    Optional<Position> position(DeskSession session, Ticker ticker) { return desk.position(session.id(), ticker); }

    // ---- words of the conversation -------------------------------------------------------------

    static Predicate<AgentMessage> type(MessageType type) { return message -> message.type() == type; }

    static Predicate<AgentMessage> from(AgentRole role, MessageType type) {
        return message -> message.sender() == role && message.type() == type;
    }

    static Predicate<AgentMessage> update(Update.UpdateKind kind) {
        return message -> message.content() instanceof Update update && update.kind() == kind;
    }

    static Predicate<AgentMessage> tradeExecuted() { return update(Update.UpdateKind.TRADE_EXECUTED); }

    static Predicate<AgentMessage> decided(Outcome outcome) {
        return message -> message.content() instanceof Decision decision && decision.outcome() == outcome;
    }

    /** 300 trading days climbing from $80 to $100, a dollar up one day and down the next, ending the day before {@link #OPEN}. */
    private static List<Bar> calmClimb(Ticker ticker, BigDecimal dailyRange) {
        int days = 300;
        List<LocalDate> dates = new ArrayList<>(days);
        LocalDate day = NYSE.tradingDate(OPEN);
        for (int i = 0; i < days; i++) {
            day = NYSE.previousTradingDay(day);
            dates.addFirst(day);
        }
        long range = dailyRange.movePointRight(6).longValueExact();
        List<Bar> bars = new ArrayList<>(days);
        long previousClose = 80_000_000;
        for (int i = 0; i < days; i++) {
            long trend = 80_000_000 + 20_000_000L * i / (days - 1);
            long close = (i == days - 1 ? 100_000_000 : trend + (i % 2 == 0 ? 1_000_000 : -1_000_000)) / 10_000 * 10_000;
            long open = previousClose;
            long high = Math.max(open, close) + range;
            long low = Math.min(open, close) - range;
            bars.add(new Bar(ticker, NYSE.sessionOpen(dates.get(i)), MarketDataFeed.DAILY, open, high, low, close, 20_000_000));
            previousClose = close;
        }
        return bars;
    }

    @Override public void close() {
        desk.close();
        signals.close();
        for (MarketDataFeed.Subscription subscription : subscriptions) subscription.close();
        market.close();
    }

    /** The scenario's market and the user's limits; by default no trade waits for a confirmation. */
    static final class Builder {
        private final ScriptedPrices prices;
        private BigDecimal dailyRange = new BigDecimal("0.20");
        private BigDecimal riskPerTradePct = new BigDecimal("0.25");
        private Duration confirmationTimeout = Duration.ofSeconds(60);
        private FundamentalsProvider fundamentals = new SimulatedFundamentals();
        private BigDecimal maxDailyLossPct = BigDecimal.valueOf(5);
        private LocalTime tradingHoursEnd = LocalTime.of(16, 0);
        private Money confirmAbove = Money.ofDollars(1_000_000);
        private BigDecimal trailingStopPct;
        private boolean flattenOnMaxLoss = true;
        private long maxFillQuantity = PaperBrokerConfig.UNLIMITED_DEPTH;
        private UnaryOperator<MarketDataFeed> feed = UnaryOperator.identity();
        /** Longer than any jump of the clock a scenario makes, unless the scenario is about a silent feed. */
        private Duration staleFeedAfter = Duration.ofDays(1);
        private int discussionMessages = VotingRules.DEFAULT_MAX_MESSAGES;
        private Reasoner reasoner = Reasoner.RULES_ONLY;
        private DecisionFence fence = DecisionFence.SOLE;
        private PortfolioLimits portfolioLimits = PortfolioLimits.defaults();
        private String liveAccountNumber;
        private boolean venueKeepsBrackets;
        private boolean remoteBroker;
        /** Tickers the market lists beside NVDA, each with its path and the same calm past. */
        private final Map<Ticker, ScriptedPrices> alsoListed = new LinkedHashMap<>();

        private Builder(ScriptedPrices prices) { this.prices = prices; }

        /** Lists {@code symbol} beside NVDA, along {@code path}: a ticker a session may add to its watchlist. */
        Builder alsoListing(String symbol, ScriptedPrices path) {
            alsoListed.put(Ticker.of(symbol), path);
            return this;
        }

        /** What checks each decision before execution; by default a desk alone on its sessions, whose decisions all pass. */
        Builder fence(DecisionFence check) {
            fence = check;
            return this;
        }

        /** The language model that may vote for the agents; by default none, and the rules vote. */
        Builder reasoner(Reasoner model) {
            reasoner = model;
            return this;
        }

        /** How far each past day's high and low are from its open and close, in dollars. */
        Builder dailyRange(String dollars) {
            dailyRange = new BigDecimal(dollars);
            return this;
        }

        Builder fundamentals(FundamentalsProvider provider) {
            fundamentals = provider;
            return this;
        }

        Builder maxDailyLossPct(String pct) {
            maxDailyLossPct = new BigDecimal(pct);
            return this;
        }

        Builder tradingHoursEnd(LocalTime end) {
            tradingHoursEnd = end;
            return this;
        }

        Builder confirmAbove(long dollars, Duration timeout) {
            confirmAbove = Money.ofDollars(dollars);
            confirmationTimeout = timeout;
            return this;
        }

        Builder trailingStopPct(String pct) {
            trailingStopPct = new BigDecimal(pct);
            return this;
        }

        /** The paper broker fills at most this many shares of an order per quote: bigger orders fill in parts. */
        Builder fillsAtMost(long shares) {
            maxFillQuantity = shares;
            return this;
        }

        /** The desk reads the simulated market through the feed {@code around} makes of it, as it would a provider's. */
        Builder feed(UnaryOperator<MarketDataFeed> around) {
            feed = around;
            return this;
        }

        /** How long NVDA may go without a price during market hours before its sessions may only reduce risk. */
        Builder staleFeedAfter(Duration after) {
            staleFeedAfter = after;
            return this;
        }

        /** A discussion is decided once it has run to this many messages. */
        Builder discussionMessages(int messages) {
            discussionMessages = messages;
            return this;
        }

        /** The account's limits on exposure, VaR and stress loss. */
        Builder portfolioLimits(PortfolioLimits limits) {
            portfolioLimits = limits;
            return this;
        }

        /** The broker's account is live, with this number. */
        Builder liveAccount(String number) {
            liveAccountNumber = number;
            return this;
        }

        /** The broker keeps entries' brackets at the venue, as Alpaca does. */
        /** The broker plays a venue across the network, which the desk asks off its loop. */
        Builder remoteBroker() {
            remoteBroker = true;
            return this;
        }

        Builder venueKeepsBrackets() {
            venueKeepsBrackets = true;
            return this;
        }

        Builder flattenOnMaxLoss(boolean flatten) {
            flattenOnMaxLoss = flatten;
            return this;
        }

        private AutoTradingConfig config() {
            AutoTradingConfig defaults = AutoTradingConfig.defaults();
            return new AutoTradingConfig(defaults.maxPositionPct(), maxDailyLossPct, defaults.maxTradesPerDay(), defaults.tradingHoursStart(),
                    tradingHoursEnd, defaults.timeZone(), confirmAbove, defaults.decisionTimeout(), defaults.quorum(), trailingStopPct, flattenOnMaxLoss,
                    new SizingRule.FixedFractional(riskPerTradePct));
        }

        DeskFixture build() { return new DeskFixture(this); }
    }
}
