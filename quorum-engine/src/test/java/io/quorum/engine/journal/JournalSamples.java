package io.quorum.engine.journal;

import io.quorum.engine.journal.JournalEvent.ConfigChanged;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.OrderFilled;
import io.quorum.engine.journal.JournalEvent.OrderIntended;
import io.quorum.engine.journal.JournalEvent.OrderPlaced;
import io.quorum.engine.journal.JournalEvent.OrderRejected;
import io.quorum.engine.journal.JournalEvent.PositionChanged;
import io.quorum.engine.journal.JournalEvent.SessionOpened;
import io.quorum.engine.journal.JournalEvent.StateChanged;
import io.quorum.engine.journal.JournalEvent.UserAction;
import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.session.ConfigFields;
import io.quorum.engine.journal.SeenDesk;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.Order;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.OrderStatus;
import io.quorum.engine.order.RejectReason;
import io.quorum.engine.order.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One fully populated example of every message payload and every journal event, the same desk
 * conversation about AAPL throughout. The JSON golden files describe exactly these values.
 */
public final class JournalSamples {
    public static final SessionId SESSION = SessionId.of("desk-aapl-1");
    public static final Instant TIME = Instant.parse("2025-03-14T14:30:00Z");
    public static final Ticker AAPL = Ticker.of("AAPL");
    public static final ProposalId PROPOSAL_ID = ProposalId.parse("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    public static final ClientOrderId ORDER_ID = ClientOrderId.of("q-desk-aapl-1-0001");

    private JournalSamples() {}

    public static Proposal proposal() {
        return new Proposal(PROPOSAL_ID, TradeAction.OPEN_LONG, AAPL, Direction.LONG, Size.shares(120),
                Price.parse("178.50"), Price.parse("175.00"), Price.parse("190.00"), new BigDecimal("2.5"),
                "Golden cross on the daily chart with rising volume", "I propose we open a long of 120 AAPL at 178.50, stop 175, target 190.");
    }

    public static Vote vote() {
        return new Vote(PROPOSAL_ID, VoteChoice.APPROVE, "Exposure stays under 20% of equity",
                new Modification(Size.shares(100), Price.parse("176.25"), null), "Approve, but 100 shares and a stop at 176.25.");
    }

    public static Decision decision() {
        Proposal terms = proposal().withTerms(Size.shares(100), Price.parse("176.25"), Price.parse("190.00"), "Open a long of 100 AAPL at 178.50.");
        List<VoteRecord> votes = List.of(
                new VoteRecord(AgentRole.TECHNICAL, VoteChoice.APPROVE, "Golden cross", null, true),
                new VoteRecord(AgentRole.FUNDAMENTAL, VoteChoice.APPROVE, "P/E below its 5-year mean", null, true),
                new VoteRecord(AgentRole.SENTIMENT, VoteChoice.ABSTAIN, "No answer in time", null, false),
                new VoteRecord(AgentRole.RISK, VoteChoice.APPROVE, "Exposure stays under 20% of equity", new Modification(Size.shares(100), Price.parse("176.25"), null), true),
                new VoteRecord(AgentRole.EXECUTION, VoteChoice.APPROVE, "Spread is 2 cents", null, true));
        return new Decision(PROPOSAL_ID, Outcome.APPROVED_MODIFIED, new Tally(4, 0, 1, false, 3, 5), votes, terms, "",
                "Approved 4 of 5 with Risk's terms: 100 shares, stop 176.25.");
    }

    public static Alert alert() {
        return new Alert(Alert.AlertKind.VOLUME_SPIKE, Alert.Severity.WARNING, AAPL, "AAPL volume is 3.2 times its 20-day average.");
    }

    public static Question question() {
        return new Question(AAPL, "Fundamental, is the P/E stretched at these levels?");
    }

    public static Update update() {
        return new Update(Update.UpdateKind.TRADE_EXECUTED, AAPL,
                new Execution(ORDER_ID.value(), AAPL, Side.BUY, 100, Price.parse("178.52"), "decision " + PROPOSAL_ID, OrderCause.DECISION),
                "Bought 100 AAPL at 178.52.");
    }

    /** The sample payload carried by a sequenced message, as sent on the desk. */
    public static AgentMessage message(io.quorum.engine.message.Payload payload, AgentRole sender, long seq) {
        UUID id = UUID.nameUUIDFromBytes((sender + "-" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Recipients recipients = payload instanceof Question ? Recipients.of(AgentRole.FUNDAMENTAL, AgentRole.RISK) : Recipients.all();
        UUID replyTo = payload instanceof Vote ? UUID.fromString("0e4f2b8c-1d2e-4f3a-9b8c-7d6e5f4a3b2c") : null;
        return new AgentMessage(id, SESSION, seq, sender, recipients, io.quorum.engine.message.MessageType.of(payload), payload,
                TIME.plusSeconds(seq), replyTo, payload instanceof Proposal, payload instanceof Proposal ? Duration.ofSeconds(45) : AgentMessage.DEFAULT_RESPONSE_TIMEOUT);
    }

    public static OrderRequest orderRequest() {
        return OrderRequest.limit(ORDER_ID, AAPL, Side.BUY, 100, Price.parse("178.60"));
    }

    public static Fill fill() {
        return new Fill("fill-1", ORDER_ID, AAPL, Side.BUY, 100, Price.parse("178.52"), Money.parse("1.00"), TIME.plusSeconds(9));
    }

    /** One event of every kind, in the order a session would journal them. */
    public static List<JournalEvent> everyKindOfEvent() {
        return List.of(
                new SessionOpened(AAPL),
                new JournalEvent.WatchlistChanged(List.of(AAPL, Ticker.of("MSFT"))),
                new UserAction("alice", UserAction.Action.APPROVE_PROPOSAL, "proposal " + PROPOSAL_ID),
                new StateChanged("PROPOSAL", "AUTO_TRADING", "approved by alice"),
                new JournalEvent.TradingStateChanged("ACTIVE", "REDUCING", "the desk holds 10 AAPL but the broker reports 0"),
                new ConfigChanged(Map.of("maxPositionPct", "25", "requireConfirmationAbove", "10000", "timeZone", "America/New_York")),
                new MessageJournaled(message(proposal(), AgentRole.TECHNICAL, 7)),
                new OrderIntended(orderRequest(), PROPOSAL_ID, "decision APPROVED_MODIFIED"),
                new OrderPlaced(new Order("broker-77", orderRequest(), OrderStatus.FILLED, List.of(fill()), "filled")),
                new OrderFilled(fill()),
                new OrderRejected(ClientOrderId.of("q-desk-aapl-1-0002"), RejectReason.MAX_TRADES_PER_DAY, "10 trades today"),
                new PositionChanged(AAPL, 100, Price.parse("178.52"), Price.parse("176.25"), Price.parse("190.00"), new BigDecimal("2.5"), Price.parse("179.10")),
                new PositionChanged(AAPL, 0, null, null, null, null, null),
                new JournalEvent.ReasonerCalled(PROPOSAL_ID, AgentRole.RISK, "openai-compatible", "llama3.1:8b", "llama3.1:8b-instruct-q4",
                        "risk.v1", "9f2c4e", 812, 64, 930, new BigDecimal("0.000438"), JournalEvent.ReasonerCalled.Outcome.ANSWERED, false,
                        "{\"kind\":\"vote\",\"choice\":\"APPROVE\",\"reason\":\"exposure 4% → 8%, within the limit\",\"confidence\":0.8}"),
                new JournalEvent.ReasonerCalled(null, AgentRole.SENTIMENT, "anthropic", "claude-haiku", "claude-haiku-20251001",
                        "sentiment.v1+reply.v1", "4d1e7a", 540, 38, 610, new BigDecimal("0.000201"), JournalEvent.ReasonerCalled.Outcome.ANSWERED, false,
                        "{\"answer\":\"Negative news. The export probe widened.\",\"confidence\":0.7}", UUID.fromString("5b9c1a2e-3f4d-4e5a-8b6c-7d8e9f0a1b2c")),
                new JournalEvent.VoteSeen(PROPOSAL_ID, AgentRole.RISK, Instant.parse("2025-03-14T14:30:05Z"), riskSaw(), null),
                new JournalEvent.VoteSeen(PROPOSAL_ID, AgentRole.FUNDAMENTAL, Instant.parse("2025-03-14T14:30:05Z"),
                        new SeenDesk(AAPL, null, Optional.empty(), null, null, null, null, null, null, List.of()), "No news behind it. Score 0.50."));
    }

    /** What Risk saw voting on an entry: the chart, the limits, the exposure, a first tick, and two questions to the account's limits. */
    private static SeenDesk riskSaw() {
        TechnicalView chart = new TechnicalView(Price.parse("178.50"), Price.parse("176.10"), Price.parse("172.40"), Price.parse("165.00"), new BigDecimal("61.4"),
                Price.parse("2.85"), new BigDecimal("1.2031"), new BigDecimal("0.9877"), Price.parse("180.20"), Price.parse("170.05"), 52_000_000, 31_000_000,
                Price.parse("177.90"));
        Fundamentals facts = new Fundamentals(AAPL, "Technology", new BigDecimal("28.4"), new BigDecimal("0.12"), new BigDecimal("0.061234567"),
                Money.ofDollars(57_000_000_000L), new BigDecimal("1.45"), new BigDecimal("24.1"), new BigDecimal("0.09"));
        NewsItem headline = new NewsItem(AAPL, "Apple beats estimates on record demand", "Newswire", Instant.parse("2025-03-14T13:05:00Z"));
        Tick tick = new Tick(AAPL, Instant.parse("2025-03-14T14:30:04Z").toEpochMilli(), 178_500_000, 178_490_000, 178_510_000, 300);
        SeenDesk.Exposure exposure = new SeenDesk.Exposure(Money.ofDollars(100_000), 40, Money.of(new BigDecimal("7140.00")), Money.of(new BigDecimal("7140.00")),
                Money.of(new BigDecimal("-120.50")));
        List<SeenDesk.LimitAsked> asked = List.of(
                new SeenDesk.LimitAsked(SeenDesk.LimitAsked.Question.FIRST_BREACH, AAPL, 40, 60, Price.parse("178.50"),
                        new AccountLimitCheck.Breach(AccountLimitCheck.Limit.VALUE_AT_RISK, "VaR 99% would rise from 1.2% to 2.4% of equity, over the 2% limit"), 0),
                new SeenDesk.LimitAsked(SeenDesk.LimitAsked.Question.LARGEST_FIT, AAPL, 40, 60, Price.parse("178.50"), null, 35));
        return new SeenDesk(AAPL, chart, Optional.of(facts), new BigDecimal("0.62"), List.of(headline), Optional.of(tick), true, ConfigFields.of(AutoTradingConfig.defaults()),
                exposure, asked);
    }
}
