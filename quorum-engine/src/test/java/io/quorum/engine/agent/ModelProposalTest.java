package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.HoldBack;
import io.quorum.engine.reasoning.ProposalAnswer;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holding 100 AAPL in a calm uptrend: a language model words the proposals of the roles it drafts
 * for, with the rules' proposal as its hint; whenever its proposal cannot be taken, the rules' goes
 * forward after an UPDATE that says why.
 */
class ModelProposalTest {
    private static final SessionId SESSION = SessionId.of("model-proposals");
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private static final ProposalAnswer TRIM_30 = new ProposalAnswer(TradeAction.REDUCE, Size.shares(30), Price.parse("100.00"), null, null,
            "a fraud probe is a headline risk, not a broken trend: take 30 shares off and keep the rest", new BigDecimal("0.7"));

    private final RecordingBus bus = new RecordingBus();
    private final FakeDeskView desk = new FakeDeskView();
    private final DraftingModel model = new DraftingModel();
    private final List<ReasonerCalled> recorded = new ArrayList<>();
    private final AgentContext context = new AgentContext(SESSION, AAPL, bus, new ManualClock(NOW), desk, model, (session, call) -> {
        recorded.add(call);
        assertThat(bus.published).as("the call is recorded before the proposal it led to").noneMatch(message -> message.content() instanceof Proposal);
    });

    @BeforeEach
    void long_100_shares_in_a_calm_uptrend_when_bad_news_breaks() {
        desk.technical = FakeDeskView.calmUptrend();
        desk.sentiment = new BigDecimal("0.30");
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), 100, Money.ofDollars(10_000), Money.ofDollars(10_000), Money.ZERO);
    }

    @Test
    void sentiments_proposal_on_a_bad_headline_is_the_models_when_its_answer_fits_the_desk() {
        new SentimentAgent(context).onHeadline(fraudProbe());
        Drafting asked = model.drafts.getLast();

        model.answer(TRIM_30, 900, "0.0004");

        assertThat(asked.ruled().size()).as("the rules' halving is the model's hint").isEqualTo(Size.percentOfPosition("50"));
        assertThat(asked.held()).isEqualTo(100);
        assertThat(asked.facts()).anyMatch(fact -> fact.startsWith("News sentiment score: 0.30"));
        assertThat(recorded).singleElement().satisfies(call -> assertThat(call.proposalId()).isEqualTo(asked.ruled().id()));
        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.id()).isEqualTo(asked.ruled().id());
        assertThat(proposal.action()).isEqualTo(TradeAction.REDUCE);
        assertThat(proposal.direction()).isEqualTo(Direction.LONG);
        assertThat(proposal.size()).isEqualTo(Size.shares(30));
        assertThat(proposal.text()).isEqualTo("Reduce the long AAPL position by 30 shares at about $100.00");
        assertThat(proposal.rationale()).isEqualTo("a fraud probe is a headline risk, not a broken trend: take 30 shares off and keep the rest"
                + " (llama3.1:8b, confidence 0.7, 900 tokens, $0.0004)");
    }

    @Test
    void a_model_answer_outside_the_schema_leaves_the_rules_proposal_after_an_update_that_says_why() {
        new SentimentAgent(context).onHeadline(fraudProbe());

        model.fallBack(ReasonerCalled.Outcome.INVALID_ANSWER, "unknown field \"urgency\"");

        assertThat(recorded).singleElement().extracting(ReasonerCalled::outcome).isEqualTo(ReasonerCalled.Outcome.INVALID_ANSWER);
        List<AgentMessage> said = bus.published;
        assertThat(said.get(said.size() - 2).content()).isEqualTo(Update.of(Update.UpdateKind.REASONING, AAPL,
                "Sentiment proposes by its rules: the model's answer was not valid (unknown field \"urgency\")."));
        assertThat(((Proposal) said.getLast().content()).size()).isEqualTo(Size.percentOfPosition("50"));
    }

    @Test
    void a_model_proposal_that_does_not_fit_the_position_leaves_the_rules_proposal_after_an_update_that_says_why() {
        new SentimentAgent(context).onHeadline(fraudProbe());

        model.answer(new ProposalAnswer(TradeAction.OPEN_SHORT, Size.shares(50), Price.parse("100.00"), Price.parse("104.00"), null,
                "flip to short on the probe", new BigDecimal("0.6")), 900, "0.0004");

        List<AgentMessage> said = bus.published;
        assertThat(((Update) said.get(said.size() - 2).content()).text()).isEqualTo("Sentiment proposes by its rules: the model's proposal does not fit the desk"
                + " (OPEN_SHORT does not fit a desk that holds 100 shares of AAPL; it may INCREASE, REDUCE or CLOSE).");
        assertThat(((Proposal) said.getLast().content()).size()).isEqualTo(Size.percentOfPosition("50"));
    }

    @Test
    void a_model_that_holds_back_sentiments_proposal_puts_nothing_to_the_vote_and_says_why_with_its_figures() {
        new SentimentAgent(context).onHeadline(fraudProbe());

        model.answer(new HoldBack("the probe was reported yesterday and the price has held its 50-day average since: nothing new to trade on",
                new BigDecimal("0.65")), 800, "0.0003");

        assertThat(bus.published).noneMatch(message -> message.content() instanceof Proposal);
        assertThat(recorded).singleElement().extracting(ReasonerCalled::outcome).isEqualTo(ReasonerCalled.Outcome.ANSWERED);
        Update said = (Update) bus.published.getLast().content();
        assertThat(said.text()).isEqualTo("Sentiment holds back the proposal its rules would make (Reduce the long AAPL position by half at about $100.00 on the news): "
                + "the probe was reported yesterday and the price has held its 50-day average since: nothing new to trade on (llama3.1:8b, confidence 0.65, 800 tokens, $0.0003)");
        assertThat(said.attribution().confidence()).isEqualByComparingTo("0.65");
    }

    @Test
    void a_counter_proposal_the_model_holds_back_is_the_rules_counter_after_an_update_that_says_why() {
        TechnicalAgent technical = new TechnicalAgent(context);
        Proposal halve = new Proposal(ProposalId.random(), TradeAction.REDUCE, AAPL, Direction.LONG, Size.percentOfPosition("50"), Price.parse("100.00"),
                null, null, null, "bad news", "Reduce the long AAPL position by half at about $100.00 on the news");
        technical.onMessage(AgentMessage.draft(SESSION, AgentRole.SENTIMENT, Recipients.all(), halve, NOW).sequenced(5));

        model.answer(new HoldBack("no counter needed", new BigDecimal("0.5")), 700, "0.0003");

        assertThat(((Update) bus.published.getFirst().content()).text())
                .isEqualTo("Technical proposes by its rules: the model held back a counter-proposal; only a proposal the role opens itself may be held back.");
        assertThat(((Proposal) bus.published.getLast().content()).size()).isEqualTo(Size.percentOfPosition("25"));
    }

    @Test
    void technicals_counter_proposal_is_worded_by_the_model_in_reply_and_its_vote_on_the_original_waits_for_it() {
        TechnicalAgent technical = new TechnicalAgent(context);
        Proposal halve = new Proposal(ProposalId.random(), TradeAction.REDUCE, AAPL, Direction.LONG, Size.percentOfPosition("50"), Price.parse("100.00"),
                null, null, null, "bad news", "Reduce the long AAPL position by half at about $100.00 on the news");
        AgentMessage halving = AgentMessage.draft(SESSION, AgentRole.SENTIMENT, Recipients.all(), halve, NOW).sequenced(5);

        technical.onMessage(halving);
        technical.onMessage(AgentMessage.draft(SESSION, AgentRole.ORCHESTRATOR, Recipients.of(AgentRole.TECHNICAL),
                new VoteRequest(halve.id(), halve, EnumSet.of(AgentRole.TECHNICAL), NOW.plusSeconds(30), "Votes please"), NOW).sequenced(6));

        assertThat(bus.published).as("no vote before the counter-proposal is said").isEmpty();
        Drafting asked = model.drafts.getLast();
        assertThat(asked.answering()).isEqualTo("Sentiment PROPOSAL: Reduce the long AAPL position by half at about $100.00 on the news");
        assertThat(asked.ruled().size()).isEqualTo(Size.percentOfPosition("25"));

        model.answer(new ProposalAnswer(TradeAction.REDUCE, Size.shares(20), Price.parse("100.00"), null, null,
                "the trend is intact: trim 20 shares rather than half", new BigDecimal("0.8")), 700, "0.0003");

        assertThat(bus.published).hasSize(2);
        AgentMessage counter = bus.published.getFirst();
        assertThat(counter.replyTo()).isEqualTo(halving.id());
        assertThat(((Proposal) counter.content()).size()).isEqualTo(Size.shares(20));
        Vote vote = (Vote) bus.published.getLast().content();
        assertThat(vote.proposalId()).isEqualTo(halve.id());
        assertThat(vote.choice()).isEqualTo(VoteChoice.REJECT);
        assertThat(vote.reason()).contains("I proposed a smaller trim instead");
    }

    private static NewsItem fraudProbe() { return new NewsItem(AAPL, "AAPL plunges as regulators open fraud probe", "Newswire", NOW); }

    /** A model that drafts for every role (and votes for none), answering when the test says. */
    private static final class DraftingModel implements Reasoner {
        final List<Drafting> drafts = new ArrayList<>();
        private CompletableFuture<Reasoning<DraftingAnswer>> pending = new CompletableFuture<>();

        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public boolean draftsFor(AgentRole role) { return true; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            throw new AssertionError("no role votes with this model");
        }

        @Override public CompletionStage<Reasoning<DraftingAnswer>> draft(Drafting drafting) {
            drafts.add(drafting);
            pending = new CompletableFuture<>();
            return pending;
        }

        void answer(DraftingAnswer answer, long tokens, String cost) {
            pending.complete(new Reasoning.Answered<>(answer, call(ReasonerCalled.Outcome.ANSWERED, tokens, cost)));
        }

        void fallBack(ReasonerCalled.Outcome outcome, String detail) { pending.complete(new Reasoning.FellBack<>(detail, call(outcome, 0, "0"))); }

        private ReasonerCalled call(ReasonerCalled.Outcome outcome, long tokens, String cost) {
            Drafting asked = drafts.getLast();
            return new ReasonerCalled(asked.ruled().id(), asked.role(), "openai-compatible", "llama3.1:8b", "llama3.1:8b",
                    asked.role().name().toLowerCase() + ".v1+proposal.v2", "ef56", tokens, 0, 15, new BigDecimal(cost), outcome, false, outcome.isFallback() ? "" : "{}");
        }
    }
}
