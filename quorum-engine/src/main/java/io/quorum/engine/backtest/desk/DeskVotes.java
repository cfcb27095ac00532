package io.quorum.engine.backtest.desk;

import io.quorum.engine.agent.Agent;
import io.quorum.engine.agent.AgentContext;
import io.quorum.engine.agent.ExecutionAgent;
import io.quorum.engine.agent.FundamentalAgent;
import io.quorum.engine.agent.RiskAgent;
import io.quorum.engine.agent.SentimentAgent;
import io.quorum.engine.agent.TechnicalAgent;
import io.quorum.engine.backtest.CloseDecisions;
import io.quorum.engine.backtest.DecisionTally;
import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.backtest.NextOrder;
import io.quorum.engine.backtest.ReplayView;
import io.quorum.engine.backtest.strategy.Signal;
import io.quorum.engine.backtest.strategy.StrategySpec;
import io.quorum.engine.consensus.ConsensusOrchestrator;
import io.quorum.engine.consensus.Opening;
import io.quorum.engine.consensus.VotingRules;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.IndicatorSignal;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Vote;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.port.Journal;
import io.quorum.engine.position.Protection;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.risk.OrderIntent;
import io.quorum.engine.risk.PreTradeContext;
import io.quorum.engine.risk.PreTradeResult;
import io.quorum.engine.risk.RiskEngine;
import io.quorum.engine.risk.RiskLimits;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full desk deciding a replay: each ticker has the live desk's five rule-based agents
 * ({@link TechnicalAgent}, {@link FundamentalAgent}, {@link SentimentAgent}, {@link RiskAgent},
 * {@link ExecutionAgent}) and its {@link ConsensusOrchestrator} (3 of 5, the Risk veto, timeout =
 * hold), talking on a {@link ReplayBus}, on replay time; an approved order is checked by the live
 * {@link RiskEngine} before it goes to the next open.
 *
 * <p>The strategy's signal at a close is the market monitor's signal of the live desk: Risk and
 * Fundamental review it, Technical tells the desk and, once Sentiment has answered on the news,
 * proposes; the others vote. The round runs to its end before the replay goes on. Should a voter
 * not answer, the replay clock moves on by the decision timeout and the round is decided as the
 * desk's timer decides it at its deadline: missing votes abstain, and without a quorum it is a hold.
 *
 * <p>A role a language model speaks for ({@link ReplayModel}) asks it as the live agent does, on
 * the reasoner's threads; the replay waits in wall time for the answers and hands each to its agent
 * once the replay clock has passed the answer's latency (the five calls of a vote run side by side,
 * so the round waits for the slowest). A model slower than the vote's deadline times the round out
 * in replay time, as it would live. Where the answers come from a file, they carry the latency they
 * were recorded with, so the replay is as deterministic as the answers are.
 *
 * <p>Everything said is journaled on the session of its ticker ({@code backtest-TICKER}), at replay
 * time, so that the journal of a backtest is audited like a live desk's.
 */
public final class DeskVotes implements CloseDecisions {
    public static final String MODE = "desk: the five rule-based agents vote (3 of 5, the Risk veto, timeout = hold); the RiskEngine checks each approved order";
    static final String AGENTS = "rule-based";
    private static final String VOTING = " (3 of 5, the Risk veto, timeout = hold); the RiskEngine checks each approved order";
    /** The live desk's collar and duplicate window, which the RiskEngine holds each order to. */
    private static final RiskLimits LIVE_DEFAULTS = RiskLimits.defaults();

    private final ManualClock clock;
    private final Journal journal;
    private final AutoTradingConfig config;
    private final DeskSettings settings;
    private final StrategySpec strategy;
    private final ReplayBus bus;
    private final RiskEngine risk;
    private final ReplayReasoner reasoner;
    /** How long, in wall time, the replay waits for a model's answer before it counts the call as never answered. */
    private final Duration patience;
    private final Map<Ticker, TickerDesk> desks = new HashMap<>();
    private final EnumMap<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private final List<Decision> decided = new ArrayList<>();
    private int refusedByRiskEngine;
    private long orders;

    /**
     * @param clock    the replay clock: the agents' and the journal's time, and the votes' deadlines
     * @param journal  where the conversation is recorded (its clock should be {@code clock})
     * @param settings the desk's settings, with the sessions' limits as {@link DeskSettings#defaultConfig()}
     */
    public DeskVotes(ManualClock clock, Journal journal, DeskSettings settings, StrategySpec strategy) {
        this(clock, journal, settings, strategy, ReplayModel.live(Reasoner.RULES_ONLY));
    }

    /**
     * With {@code model} speaking for the roles it has a model for. The replay waits for an answer,
     * in wall time, as long as the decision timeout: the reasoner's own timeout is shorter, so every
     * call it makes is heard.
     */
    public DeskVotes(ManualClock clock, Journal journal, DeskSettings settings, StrategySpec strategy, ReplayModel model) {
        this(clock, journal, settings, strategy, model, settings.defaultConfig().decisionTimeout());
    }

    /** With the wall time the replay waits for an answer: how a test makes a voter that never answers without waiting for it. */
    DeskVotes(ManualClock clock, Journal journal, DeskSettings settings, StrategySpec strategy, ReplayModel model, Duration patience) {
        this.reasoner = new ReplayReasoner(model, clock);
        this.patience = patience;
        this.clock = clock;
        this.journal = journal;
        this.settings = settings;
        this.config = settings.defaultConfig();
        this.strategy = strategy;
        this.bus = new ReplayBus(message -> journal.append(message.sessionId(), new JournalEvent.MessageJournaled(message)));
        this.risk = new RiskEngine(clock, ExchangeCalendar.NYSE::tradingDate);
    }

    @Override public NextOrder decide(Bar bar, Signal signal, ReplayView replay) {
        TickerDesk desk = desks.computeIfAbsent(bar.ticker(), this::open);
        desk.view.show(bar, replay);
        if (signal == Signal.NONE || !desk.view.ready()) return NextOrder.NOTHING;
        decided.clear();
        desk.hearSignal(signal(bar, signal, desk.view.relativeVolume()));
        bus.deliverAll();
        settle(desk);
        NextOrder next = NextOrder.NOTHING;
        for (Decision decision : decided) {
            outcomes.merge(decision.outcome(), 1, Integer::sum);
            NextOrder order = orderFor(desk, decision, replay);
            if (!(order instanceof NextOrder.Nothing)) next = order;
        }
        return next;
    }

    /**
     * Runs what the signal started to its end on replay time: each model answer is handed to its
     * agent when it arrives (asked at + latency), and a round whose deadline comes before the next
     * answer is decided at its deadline, as the desk's timer decides it: the missing votes abstain,
     * and an answer that arrives later is a late vote, never counted.
     */
    private void settle(TickerDesk desk) {
        while (true) {
            Optional<ReplayReasoner.Arrival> answer = reasoner.next(patience);
            Optional<Instant> deadline = desk.nextDeadline();
            if (answer.isPresent() && (deadline.isEmpty() || answer.get().at().isBefore(deadline.get()))) {
                moveTo(answer.get().at());
                answer.get().hand().run();
            } else if (deadline.isPresent()) {
                moveTo(deadline.get());
                desk.orchestrator.expireDue();
                desk.forgetRoundsDueBy(clock.now());
            } else {
                return;
            }
            bus.deliverAll();
        }
    }

    private void moveTo(Instant instant) {
        if (instant.isAfter(clock.now())) clock.set(instant);
    }

    private TickerDesk open(Ticker ticker) {
        SessionId session = SessionId.of("backtest-" + ticker.symbol());
        journal.append(session, new JournalEvent.SessionOpened(ticker));
        return new TickerDesk(session, ticker);
    }

    /** What a decision comes to at the next open: an approved entry the RiskEngine passes, an approved exit, or the vetoed entry, followed. */
    private NextOrder orderFor(TickerDesk desk, Decision decision, ReplayView replay) {
        Proposal terms = decision.terms();
        boolean entry = terms.action().addsExposure();
        long held = replay.holding(desk.ticker).map(h -> h.signedShares()).orElse(0L);
        if (decision.outcome() == Outcome.VETOED && entry && held == 0) return new NextOrder.Vetoed(entryOf(terms, held));
        if (!decision.outcome().approves()) return NextOrder.NOTHING;
        if (!entry) return held > 0 ? NextOrder.EXIT : NextOrder.NOTHING;
        if (held != 0) return NextOrder.NOTHING;
        NextOrder.Enter enter = entryOf(terms, held);
        OrderRequest order = OrderRequest.market(ClientOrderId.of("backtest-" + (++orders)), desk.ticker, Side.BUY, enter.shares());
        Price last = terms.entry();
        RiskLimits limits = new RiskLimits(config.maxPositionPct(), config.maxDailyLossPct(), config.maxTradesPerDay(), LIVE_DEFAULTS.collarPct(),
                LIVE_DEFAULTS.duplicateWindow());
        Money equity = Money.ofMicros(replay.equityMicros());
        PreTradeContext context = new PreTradeContext(OrderIntent.OPEN, limits, equity, held, last, risk.tradesToday(desk.session), equity,
                Money.ofMicros(replay.equityMicros() - replay.previousEquityMicros()), true, true);
        if (risk.check(desk.session, order, context) instanceof PreTradeResult.Refused) {
            refusedByRiskEngine++;
            return NextOrder.NOTHING;
        }
        // A market order fills whole at the next open, and nothing happens in between: it is done as soon as it is sent.
        risk.sent(desk.session, order, OrderIntent.OPEN, last);
        risk.filled(order.clientOrderId(), order.quantity());
        risk.done(order.clientOrderId());
        return enter;
    }

    /** The decided terms as an entry: its size, and its stop, target and trailing stop, which stand whatever the fill price. */
    private static NextOrder.Enter entryOf(Proposal terms, long held) {
        Protection protection = new Protection(terms.stop(), terms.target(), terms.trailingStopPct());
        return new NextOrder.Enter(terms.size().sharesGiven(held), fill -> protection);
    }

    private IndicatorSignal signal(Bar bar, Signal signal, double relativeVolume) {
        boolean entry = signal == Signal.ENTER_LONG;
        SignalKind kind = switch (strategy.kind()) {
            case SMA_CROSS, EMA_CROSS -> entry ? SignalKind.EMA_BULLISH_CROSS : SignalKind.EMA_BEARISH_CROSS;
            case RSI_REVERSION -> entry ? SignalKind.RSI_OVERSOLD : SignalKind.RSI_OVERBOUGHT;
            case BREAKOUT -> entry ? SignalKind.BREAKOUT_HIGH : SignalKind.BREAKDOWN_LOW;
            case MACD -> entry ? SignalKind.MACD_BULLISH_CROSS : SignalKind.MACD_BEARISH_CROSS;
        };
        Price close = Price.ofMicros(bar.closeMicros());
        String text = strategy + " signals " + (entry ? "an entry" : "an exit") + " on " + bar.ticker() + " at $" + close;
        return new IndicatorSignal(bar.ticker(), clock.now(), kind, bar.closeMicros(), close.toBigDecimal(), relativeVolume, text);
    }

    @Override public DecisionTally tally() {
        ModelUse models = reasoner.use();
        if (!models.used()) return new DecisionTally(AGENTS, outcomes, refusedByRiskEngine);
        return new DecisionTally(agents(models), outcomes, refusedByRiskEngine, models);
    }

    /** "desk: the five rule-based agents vote …", or which agents a language model speaks for and where its answers come from. */
    @Override public String mode() {
        ModelUse models = reasoner.use();
        if (!models.used()) return MODE;
        return "desk: the five agents vote, " + models.agentNames() + " asking a language model (" + models.answers().configName() + ": "
                + models.answers().sentence() + ")" + VOTING;
    }

    /** "model-backed: Technical, Risk; rule-based: Fundamental, Sentiment, Execution". */
    private static String agents(ModelUse models) {
        List<String> byRules = new ArrayList<>();
        for (AgentRole role : AgentRole.values()) {
            if (role != AgentRole.ORCHESTRATOR && !models.agents().contains(role)) byRules.add(role.displayName());
        }
        return "model-backed: " + models.agentNames() + (byRules.isEmpty() ? "" : "; rule-based: " + String.join(", ", byRules));
    }

    /** One ticker's session: its view, its five agents and its orchestrator, wired as the live desk wires them. */
    private final class TickerDesk {
        final SessionId session;
        final Ticker ticker;
        final ReplayDeskView view;
        final ConsensusOrchestrator orchestrator;
        final TechnicalAgent technical;
        final RiskAgent riskAgent;
        final FundamentalAgent fundamental;
        /** The rounds opened and not yet decided: their deadlines, by their proposal. */
        private final Map<ProposalId, Instant> openRounds = new HashMap<>();

        TickerDesk(SessionId session, Ticker ticker) {
            this.session = session;
            this.ticker = ticker;
            this.view = new ReplayDeskView(session, ticker, settings);
            VotingRules rules = VotingRules.of(config).withMaxMessages(settings.discussionMessages());
            this.orchestrator = new ConsensusOrchestrator(session, bus, clock, clock, rules, () -> true);
            bus.guard(session, orchestrator::checkVote);
            AgentContext context = new AgentContext(session, ticker, bus, clock, view, reasoner, journal::append);
            this.technical = new TechnicalAgent(context);
            this.riskAgent = new RiskAgent(context);
            this.fundamental = new FundamentalAgent(context);
            List<Agent> agents = List.of(technical, fundamental, new SentimentAgent(context), riskAgent, new ExecutionAgent(context));
            for (Agent agent : agents) bus.subscribe(session, agent.role(), agent::onMessage);
            bus.subscribe(session, AgentRole.ORCHESTRATOR, this::onOrchestratorMessage);
            bus.observe(session, message -> {
                if (message.content() instanceof Decision decision) {
                    openRounds.remove(decision.proposalId());
                    decided.add(decision);
                }
            });
        }

        /** As the live desk hears a market signal: Risk and Fundamental review it, and Technical tells the desk. */
        void hearSignal(IndicatorSignal signal) {
            riskAgent.review(signal.text());
            fundamental.reviewValuation(signal.text());
            technical.onSignal(signal);
        }

        /** The earliest deadline of the rounds still open. */
        Optional<Instant> nextDeadline() { return openRounds.values().stream().min(Comparator.naturalOrder()); }

        /** Rounds past their deadline are decided by now; one the orchestrator closed without a decision is not waited for again. */
        void forgetRoundsDueBy(Instant now) { openRounds.values().removeIf(deadline -> !deadline.isAfter(now)); }

        /** As the live session's orchestrator mailbox: proposals open rounds, votes are counted, the rest counts towards the bound. */
        private void onOrchestratorMessage(AgentMessage message) {
            switch (message.content()) {
                case Proposal proposal -> {
                    Opening opening = orchestrator.open(message);
                    if (opening instanceof Opening.Refused refused) {
                        bus.publish(AgentMessage.draft(session, AgentRole.ORCHESTRATOR, Recipients.all(),
                                new Alert(Alert.AlertKind.SYSTEM, Alert.Severity.INFO, proposal.ticker(), "Proposal not put to the vote: " + refused.detail()), clock.now()));
                    } else if (opening instanceof Opening.Opened opened) {
                        openRounds.put(opened.proposalId(), opened.deadline());
                    }
                }
                case Vote vote -> orchestrator.record(message);
                default -> orchestrator.hear(message);
            }
        }
    }
}
