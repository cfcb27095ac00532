package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.agent.RulesAgain;
import io.quorum.engine.decision.DecisionReplay;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedNewsFeed;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.position.Position;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.portfolio.RiskSettings;
import io.quorum.engine.snapshot.DeskSnapshot;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.ProposalAnswer;
import io.quorum.engine.reasoning.QuestionFirst;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Reply;
import io.quorum.engine.reasoning.VoteAnswer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The desk debates: questions go to the agent who can answer them, and answers change votes. */
class DebateScenarioTest {
    @ParameterizedTest(name = "with the headline \"{0}\", Sentiment answers \"{1}\" and Fundamental votes {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                              | No news behind it | APPROVE
            NVDA probe widens as regulators warn on exports | Negative news     | ABSTAIN
            """)
    void fundamentals_vote_on_the_breakout_follows_sentiments_answer_to_its_question(String headline, String answerOpens, VoteChoice vote) {
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(5));
            if (!headline.isEmpty()) desk.headline(headline, SimulatedNewsFeed.Tone.NEGATIVE);
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, from(AgentRole.EXECUTION, MessageType.UPDATE).and(DeskFixture.tradeExecuted()));

            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage question = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.QUESTION));
            assertThat(question.recipients()).isEqualTo(Recipients.of(AgentRole.SENTIMENT));
            assertThat(((Question) question.content()).text()).contains("broke above its 20-day high");
            AgentMessage answer = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.UPDATE).and(replyingTo(question)));
            assertThat(((Update) answer.content()).text()).startsWith(answerOpens);
            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(message -> message.seq() > answer.seq()));
            AgentMessage fundamentalVote = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.VOTE)
                    .and(message -> ((Vote) message.content()).proposalId().equals(((Proposal) proposal.content()).id())));
            assertThat(((Vote) fundamentalVote.content()).choice()).isEqualTo(vote);
            assertThat(((Vote) fundamentalVote.content()).reason()).contains("Sentiment reports");
        }
    }

    @Test
    void a_model_speaking_for_sentiment_answers_fundamentals_question_and_fundamentals_vote_follows_the_models_answer() {
        SentimentModel model = new SentimentModel("Negative news. Regulators widened the export probe an hour ago; the breakout runs into it.");
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).reasoner(model).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, from(AgentRole.EXECUTION, MessageType.UPDATE).and(DeskFixture.tradeExecuted()));

            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage question = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.QUESTION));
            AgentMessage answer = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.UPDATE).and(replyingTo(question)));
            assertThat(((Update) answer.content()).text())
                    .isEqualTo("Negative news. Regulators widened the export probe an hour ago; the breakout runs into it. (test-model, confidence 0.8, 400 tokens, $0.0002)");
            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(message -> message.seq() > answer.seq()));
            AgentMessage fundamentalVote = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.VOTE)
                    .and(message -> ((Vote) message.content()).proposalId().equals(((Proposal) proposal.content()).id())));
            assertThat(((Vote) fundamentalVote.content()).choice()).as("the rules alone answer 'No news behind it' and Fundamental approves").isEqualTo(VoteChoice.ABSTAIN);
            assertThat(((Vote) fundamentalVote.content()).reason()).contains("Sentiment reports negative news");
            assertThat(desk.journal(session)).filteredOn(JournalEvent.ReasonerCalled.class::isInstance).map(JournalEvent.ReasonerCalled.class::cast)
                    .singleElement().satisfies(call -> assertThat(call.questionId()).isEqualTo(question.id()));
        }
    }

    @ParameterizedTest(name = "with the headline \"{0}\", Fundamental's model hears \"{1}\" and votes {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                              | No news behind it | APPROVE
            NVDA probe widens as regulators warn on exports | Negative news     | REJECT
            """)
    void a_model_speaking_for_fundamental_asks_sentiment_before_it_votes_and_votes_on_the_answer_and_the_decision_replays_the_same(
            String headline, String answerOpens, VoteChoice vote) {
        try (DeskFixture desk = DeskFixture.on(DeskFixture.breakout()).reasoner(new AskingFundamentalModel()).build()) {
            desk.advance(Duration.ofMinutes(5));
            if (!headline.isEmpty()) desk.headline(headline, SimulatedNewsFeed.Tone.NEGATIVE);
            DeskSession session = desk.autoTrading();
            AgentMessage entered = desk.awaitSaid(session, from(AgentRole.EXECUTION, MessageType.UPDATE).and(DeskFixture.tradeExecuted()));
            desk.advanceUntilSignal(SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(message -> message.seq() > entered.seq()));
            AgentMessage question = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.QUESTION)
                    .and(message -> message.seq() > proposal.seq()));
            assertThat(question.recipients()).isEqualTo(Recipients.of(AgentRole.SENTIMENT));
            assertThat(((Question) question.content()).text()).isEqualTo(AskingFundamentalModel.QUESTION + " (test-model, confidence 0.6, 300 tokens, $0.0001)");
            AgentMessage answer = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.UPDATE).and(replyingTo(question)));
            assertThat(((Update) answer.content()).text()).startsWith(answerOpens);
            AgentMessage fundamentalVote = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.VOTE)
                    .and(message -> ((Vote) message.content()).proposalId().equals(((Proposal) proposal.content()).id())));
            assertThat(fundamentalVote.seq()).isGreaterThan(answer.seq());
            assertThat(((Vote) fundamentalVote.content()).choice()).isEqualTo(vote);
            assertThat(((Vote) fundamentalVote.content()).reason()).startsWith("Sentiment answered: " + answerOpens);

            Decision decision = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(((Proposal) proposal.content()).id()));
            List<JournalEntry> journal = desk.journal.read(session.id(), 0, Integer.MAX_VALUE);
            assertThat(journal).map(JournalEntry::event).filteredOn(JournalEvent.ReasonerCalled.class::isInstance).map(JournalEvent.ReasonerCalled.class::cast)
                    .filteredOn(call -> call.isAbout(decision.proposalId())).extracting(JournalEvent.ReasonerCalled::raw)
                    .as("the question's call, then the vote's").containsExactly("ask SENTIMENT", vote.name());
            DecisionReplay replay = new DecisionReplay(AskingFundamentalModel::read, Map.of(AgentRole.FUNDAMENTAL, AskingFundamentalModel.PROMPT), new RulesAgain());
            DecisionReplay.Replayed replayed = replay.replay(journal, decision.proposalId()).orElseThrow();
            assertThat(replayed.differences()).isEmpty();
            assertThat(replayed.outcome()).isEqualTo(decision.outcome());
            assertThat(replayed.tally()).isEqualTo(decision.tally());
        }
    }

    @Test
    void after_a_fall_that_takes_the_days_loss_past_half_the_limit_risk_proposes_to_halve_the_position_on_the_next_market_event() {
        // $3 down in a minute: the 57 shares bought at $100 lose 0.17% of equity, past half the 0.30% limit.
        ScriptedPrices drop = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(10)).moveTo("97.00", Duration.ofMinutes(1)).hold(Duration.ofMinutes(30));
        try (DeskFixture desk = DeskFixture.on(drop).maxDailyLossPct("0.30").build()) {
            DeskSession session = holdingWithAuthority(desk);
            long bought = desk.position(session).orElseThrow().quantity();
            // The fall's own signals go by while the desk has no authority, so that no one else speaks first.
            session.disableAutoTrading(DeskFixture.USER);
            desk.advance(Duration.ofMinutes(10));
            session.enableAutoTrading(DeskFixture.USER);

            desk.headline("NVDA to present at an industry conference", SimulatedNewsFeed.Tone.NEUTRAL);
            desk.advance(Duration.ofSeconds(1));

            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.RISK, MessageType.PROPOSAL));
            Proposal reduce = (Proposal) proposal.content();
            assertThat(reduce.action()).isEqualTo(TradeAction.REDUCE);
            assertThat(reduce.size()).isEqualTo(Size.percentOfPosition("50"));
            assertThat(reduce.rationale()).contains("is past 50% of the 0.30% daily limit (after: NVDA to present at an industry conference");
            Decision decision = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(reduce.id()));
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).map(Position::quantity).orElse(0L) == bought - bought / 2);
        }
    }

    @Test
    void a_breaking_headline_against_the_position_brings_sentiments_halving_and_technicals_counter_trim_and_the_better_supported_trim_is_carried_out() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            DeskSession session = holdingWithAuthority(desk);
            long bought = desk.position(session).orElseThrow().quantity();

            fraudProbe(desk);

            AgentMessage alert = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.ALERT));
            assertThat(((Alert) alert.content()).text()).startsWith("Breaking: \"NVDA plunges as regulators open fraud probe\"");
            AgentMessage halving = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.PROPOSAL));
            Proposal halve = (Proposal) halving.content();
            assertThat(halve.action()).isEqualTo(TradeAction.REDUCE);
            assertThat(halve.size()).isEqualTo(Size.percentOfPosition("50"));
            AgentMessage counter = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(replyingTo(halving)));
            Proposal trim = (Proposal) counter.content();
            assertThat(trim.size()).isEqualTo(Size.percentOfPosition("25"));
            assertThat(trim.rationale()).startsWith("the chart still favours the long position");

            Decision setAside = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(halve.id()));
            Decision carried = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(trim.id()));
            assertThat(setAside.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(setAside.reason()).isEqualTo("4 of 5 approved, but Technical's counter-proposal was better supported (5 of 5 approved)");
            assertThat(carried.outcome()).isEqualTo(Outcome.APPROVED);
            desk.awaitSaid(session, DeskFixture.tradeExecuted().and(message ->
                    ((Update) message.content()).execution().clientOrderId().equals("q-" + trim.id())));
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).map(Position::quantity).orElse(0L) == bought - bought / 4);
        }
    }

    @Test
    void a_model_worded_cut_and_a_model_worded_counter_trim_are_voted_side_by_side_and_the_better_supported_trim_is_carried_out() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).reasoner(new DraftingModel()).build()) {
            DeskSession session = holdingWithAuthority(desk);
            long bought = desk.position(session).orElseThrow().quantity();

            fraudProbe(desk);

            AgentMessage cutting = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.PROPOSAL));
            Proposal cut = (Proposal) cutting.content();
            assertThat(cut.size()).isEqualTo(Size.shares(DraftingModel.cut(bought)));
            assertThat(cut.rationale()).startsWith("the probe is serious: cut 40%").contains("(test-model, confidence 0.7, ");
            AgentMessage countering = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(replyingTo(cutting)));
            Proposal trim = (Proposal) countering.content();
            assertThat(trim.size()).isEqualTo(Size.shares(DraftingModel.trim(bought)));

            Decision setAside = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(cut.id()));
            Decision carried = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(trim.id()));
            assertThat(setAside.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(setAside.reason()).isEqualTo("4 of 5 approved, but Technical's counter-proposal was better supported (5 of 5 approved)");
            assertThat(carried.outcome()).isEqualTo(Outcome.APPROVED);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).map(Position::quantity).orElse(0L) == bought - DraftingModel.trim(bought));
            assertThat(desk.journal(session)).filteredOn(JournalEvent.ReasonerCalled.class::isInstance).map(JournalEvent.ReasonerCalled.class::cast)
                    .extracting(JournalEvent.ReasonerCalled::promptVersion).contains("sentiment.v1+proposal.v2", "technical.v1+proposal.v2");

            assertReplayedAsDecided(desk, session, setAside, carried);
        }
    }

    @Test
    void a_model_worded_entry_far_over_the_limits_is_cut_by_risk_and_the_order_stays_within_the_position_limit() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).reasoner(new DraftingModel()).build()) {
            DeskSession session = goodNewsWithNoPosition(desk);

            Proposal entry = (Proposal) desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.PROPOSAL)).content();
            assertThat(entry.size()).isEqualTo(Size.shares(DraftingModel.EAGER_ENTRY));
            Decision decision = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(entry.id()));
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED_MODIFIED);
            long traded = decision.terms().size().sharesGiven(0);
            assertThat(traded).as("Risk's cut to 25% of $100,000 equity at $100").isLessThanOrEqualTo(250).isPositive();
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).map(Position::quantity).orElse(0L) == traded);
        }
    }

    @Test
    void a_model_worded_entry_over_the_var_limit_is_vetoed_and_risks_counter_of_the_largest_size_that_fits_is_voted_and_carried_out() {
        PortfolioLimits defaults = PortfolioLimits.defaults();
        PortfolioLimits tightVar = new PortfolioLimits(defaults.maxGrossExposurePct(), defaults.maxNetExposurePct(), defaults.maxSectorPct(),
                new BigDecimal("0.10"), defaults.maxStressLossPct());
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).reasoner(new DraftingModel()).portfolioLimits(tightVar).build()) {
            // Later than the duplicate-order guard's window: the analysis's trade was the largest size that fits too.
            DeskSession session = goodNewsWithNoPosition(desk, Duration.ofSeconds(10));

            AgentMessage entering = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.PROPOSAL).and(message -> message.content() instanceof Proposal p
                    && p.size().equals(Size.shares(DraftingModel.EAGER_ENTRY))));
            Proposal entry = (Proposal) entering.content();
            Proposal counter = (Proposal) desk.awaitSaid(session, from(AgentRole.RISK, MessageType.PROPOSAL).and(replyingTo(entering))).content();
            long fit = counter.size().sharesGiven(0);
            assertThat(counter.action()).isEqualTo(TradeAction.OPEN_LONG);
            assertThat(fit).as("fewer than the 250 the position limit allows").isPositive().isLessThan(250);

            Decision vetoed = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(entry.id()));
            Decision carried = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(counter.id()));
            assertThat(vetoed.outcome()).isEqualTo(Outcome.VETOED);
            VoteRecord veto = vetoed.votes().stream().filter(vote -> vote.voter() == AgentRole.RISK).findFirst().orElseThrow();
            assertThat(veto.reason()).startsWith("VaR 99% would go from 0% to ").contains(" of equity, above the 0.1% limit; ")
                    .endsWith("; " + fit + " shares fit, which I put to the vote instead");
            assertThat(carried.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(carried.terms().size()).isEqualTo(Size.shares(fit));

            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).map(Position::quantity).orElse(0L) == fit);
            DeskSnapshot snapshot = await().atMost(DeskFixture.PATIENCE).until(desk.desk::snapshot,
                    seen -> seen.session(session.id()).flatMap(own -> own.position(DeskFixture.NVDA)).isPresent());
            AccountLimitCheck account = new AccountLimitCheck(snapshot.portfolio(), snapshot.riskModel(), RiskSettings.defaults().withLimits(tightVar));
            assertThat(account.tailRiskOverLimit()).as("no limit is exceeded once the order has filled").isEmpty();
            assertThat(account.firstBreach(DeskFixture.NVDA, fit, 1, entry.entry())).as("one share more would have broken the VaR limit").isPresent();

            assertReplayedAsDecided(desk, session, vetoed, carried);
        }
    }

    @Test
    void a_discussion_that_reaches_its_bound_of_messages_is_decided_on_the_votes_heard_by_then() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).discussionMessages(8).build()) {
            DeskSession session = holdingWithAuthority(desk);

            fraudProbe(desk);

            // A proposal, its counter and four votes on each would be ten messages: the eighth ends the discussion.
            Proposal halve = (Proposal) desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.PROPOSAL)).content();
            Proposal trim = (Proposal) desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(message -> message.replyTo() != null)).content();
            Decision onHalving = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(halve.id()));
            Decision onTrim = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(trim.id()));
            long heard = Stream.concat(onHalving.votes().stream(), onTrim.votes().stream()).filter(VoteRecord::received).count();
            assertThat(heard).isEqualTo(8);
            assertThat(onHalving.reason() + " " + onTrim.reason()).contains("the discussion reached its bound of 8 messages");
            assertThat(Stream.of(onHalving, onTrim).filter(decision -> decision.outcome().approves())).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void good_news_with_no_position_starts_a_discussion_in_which_sentiment_proposes_a_half_size_entry() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            DeskSession session = goodNewsWithNoPosition(desk);

            AgentMessage alert = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.ALERT));
            assertThat(((Alert) alert.content()).text()).contains("good news for NVDA");
            Proposal entry = (Proposal) desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.PROPOSAL).and(message -> message.seq() > alert.seq())).content();
            assertThat(entry.action()).isEqualTo(TradeAction.OPEN_LONG);
            assertThat(entry.rationale()).contains("half the sizing rule's");
            Decision decision = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(entry.id()));
            assertThat(decision.votes()).allSatisfy(vote -> assertThat(vote.received()).isTrue());
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
        }
    }

    @Test
    void a_volume_spike_on_a_moving_price_starts_a_conversation_that_fundamental_takes_to_sentiment() {
        // Quiet for 25 minutes, then $2.60 (1.2 ATR) up in a minute on eight times the volume.
        ScriptedPrices spike = ScriptedPrices.startingAt("100.00").hold(Duration.ofMinutes(25)).moveTo("102.60", Duration.ofMinutes(1)).onVolume(8);
        try (DeskFixture desk = DeskFixture.on(spike).build()) {
            DeskSession session = holdingWithAuthority(desk);

            desk.advance(Duration.ofMinutes(22));

            AgentMessage alert = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.ALERT)
                    .and(message -> ((Alert) message.content()).kind() == Alert.AlertKind.VOLUME_SPIKE));
            assertThat(((Alert) alert.content()).text()).contains("× its 20-bar average").contains("with the price up");
            AgentMessage question = desk.awaitSaid(session, from(AgentRole.FUNDAMENTAL, MessageType.QUESTION).and(replyingTo(alert)));
            desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.UPDATE).and(replyingTo(question)));
            desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(message -> message.seq() > question.seq()));
        }
    }

    /** Five quiet minutes, then the analysis's trade is placed and the desk has authority: it holds NVDA. */
    private static DeskSession holdingWithAuthority(DeskFixture desk) {
        desk.advance(Duration.ofMinutes(5));
        DeskSession session = desk.autoTrading();
        desk.awaitSaid(session, DeskFixture.tradeExecuted());
        return session;
    }

    /** A desk with authority and no position (the analysis's trade closed again) when good news breaks. */
    private static DeskSession goodNewsWithNoPosition(DeskFixture desk) { return goodNewsWithNoPosition(desk, Duration.ofSeconds(2)); }

    /** As {@link #goodNewsWithNoPosition(DeskFixture)}, the news breaking {@code afterTheClose}. */
    private static DeskSession goodNewsWithNoPosition(DeskFixture desk, Duration afterTheClose) {
        DeskSession session = holdingWithAuthority(desk);
        session.closePosition(DeskFixture.NVDA, DeskFixture.USER);
        desk.advance(afterTheClose);
        await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).map(Position::quantity).orElse(0L) == 0);
        desk.headline("NVDA beats estimates and raises its outlook on record demand", SimulatedNewsFeed.Tone.POSITIVE);
        desk.advance(Duration.ofSeconds(1));
        return session;
    }

    /** Breaking news against a long: Sentiment proposes to halve the position, Technical counters with a trim. */
    private static void fraudProbe(DeskFixture desk) {
        desk.headline("NVDA plunges as regulators open fraud probe", SimulatedNewsFeed.Tone.NEGATIVE);
        desk.advance(Duration.ofSeconds(1));
    }

    /** Each of {@code decisions}, replayed from the journal by the rules, comes out as it was decided, with no difference. */
    private static void assertReplayedAsDecided(DeskFixture desk, DeskSession session, Decision... decisions) {
        List<JournalEntry> journal = desk.journal.read(session.id(), 0, Integer.MAX_VALUE);
        DecisionReplay replay = new DecisionReplay(call -> Optional.empty(), Map.of(), new RulesAgain());
        for (Decision decision : decisions) {
            DecisionReplay.Replayed replayed = replay.replay(journal, decision.proposalId()).orElseThrow();
            assertThat(replayed.differences()).as("the replay of " + decision.outcome()).isEmpty();
            assertThat(replayed.outcome()).isEqualTo(decision.outcome());
        }
    }

    /**
     * A model speaking for Fundamental alone: before each vote it asks Sentiment whether news is
     * behind the move, then rejects on negative news and approves otherwise. Its raw answers are
     * "ask SENTIMENT" and the vote's choice, which {@link #read} reads again for a replay.
     */
    private static final class AskingFundamentalModel implements Reasoner {
        static final String QUESTION = "Is there a headline behind this move?";
        static final String PROMPT = "fundamental.v1+answer.v2";

        static Optional<VoteAnswer> read(JournalEvent.ReasonerCalled call) {
            return Optional.of(new VoteAnswer(VoteChoice.valueOf(call.raw()), "read again", BigDecimal.ONE, null));
        }

        @Override public boolean speaksFor(AgentRole role) { return role == AgentRole.FUNDAMENTAL; }

        @Override public CompletionStage<Reasoning<Consideration>> consider(Deliberation deliberation, AnswerDraft draft) {
            Reasoning<Consideration> asks = new Reasoning.Answered<>(new QuestionFirst(AgentRole.SENTIMENT, QUESTION, new BigDecimal("0.6")),
                    call(deliberation, "ask SENTIMENT", 300, "0.0001"));
            return CompletableFuture.supplyAsync(() -> asks, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            String heard = deliberation.asked() == null || deliberation.asked().answer() == null ? "nothing" : deliberation.asked().answer();
            VoteChoice choice = heard.startsWith("Negative news") ? VoteChoice.REJECT : VoteChoice.APPROVE;
            Reasoning<VoteAnswer> votes = new Reasoning.Answered<>(new VoteAnswer(choice, "Sentiment answered: " + heard, new BigDecimal("0.8"), null),
                    call(deliberation, choice.name(), 500, "0.0002"));
            return CompletableFuture.supplyAsync(() -> votes, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }

        private static JournalEvent.ReasonerCalled call(Deliberation asked, String raw, long tokens, String cost) {
            return new JournalEvent.ReasonerCalled(asked.proposal().id(), asked.role(), "scripted", "test-model", "test-model-1", PROMPT, "00ff",
                    tokens, 0, 5, new BigDecimal(cost), JournalEvent.ReasonerCalled.Outcome.ANSWERED, false, raw);
        }
    }

    private static Predicate<AgentMessage> replyingTo(AgentMessage earlier) { return message -> earlier.id().equals(message.replyTo()); }

    /** A model that words Sentiment's and Technical's proposals, a moment later on a thread of its own; every vote is the rules'. */
    private static final class DraftingModel implements Reasoner {
        /** Shares a model eager for the news would buy: $200,000 at $100, twice the account. */
        static final long EAGER_ENTRY = 2_000;

        static long cut(long held) { return held * 4 / 10; }

        static long trim(long held) { return held / 5; }

        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public boolean draftsFor(AgentRole role) { return role == AgentRole.SENTIMENT || role == AgentRole.TECHNICAL; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            return CompletableFuture.failedFuture(new IllegalStateException("this model only words proposals"));
        }

        @Override public CompletionStage<Reasoning<DraftingAnswer>> draft(Drafting drafting) {
            long held = Math.abs(drafting.held());
            Proposal ruled = drafting.ruled();
            ProposalAnswer answer = drafting.isCounter()
                    ? new ProposalAnswer(TradeAction.REDUCE, Size.shares(trim(held)), ruled.entry(), null, null, "the trend holds: trim a fifth", new BigDecimal("0.8"))
                    : ruled.action() == TradeAction.OPEN_LONG
                    ? new ProposalAnswer(TradeAction.OPEN_LONG, Size.shares(EAGER_ENTRY), ruled.entry(), ruled.stop(), ruled.target(), "record demand: buy big", new BigDecimal("0.9"))
                    : new ProposalAnswer(TradeAction.REDUCE, Size.shares(cut(held)), ruled.entry(), null, null, "the probe is serious: cut 40%", new BigDecimal("0.7"));
            JournalEvent.ReasonerCalled call = new JournalEvent.ReasonerCalled(drafting.ruled().id(), drafting.role(), "scripted", "test-model", "test-model-1",
                    drafting.role().name().toLowerCase() + ".v1+proposal.v2", "00ff", 700, 60, 5, new BigDecimal("0.0003"), JournalEvent.ReasonerCalled.Outcome.ANSWERED,
                    false, "{}");
            return CompletableFuture.supplyAsync(() -> new Reasoning.Answered<>(answer, call), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }
    }

    /** A model that speaks for Sentiment's answers alone, with one answer; every vote is the rules'. */
    private record SentimentModel(String says) implements Reasoner {
        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public boolean answersFor(AgentRole role) { return role == AgentRole.SENTIMENT; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            return CompletableFuture.failedFuture(new IllegalStateException("this model only answers questions"));
        }

        @Override public CompletionStage<Reasoning<Reply>> answer(Inquiry inquiry) {
            JournalEvent.ReasonerCalled call = new JournalEvent.ReasonerCalled(null, inquiry.role(), "scripted", "test-model", "test-model-1",
                    "sentiment.v1+reply.v1", "00ff", 380, 20, 5, new BigDecimal("0.0002"), JournalEvent.ReasonerCalled.Outcome.ANSWERED, false,
                    says, inquiry.questionId());
            return CompletableFuture.supplyAsync(() -> new Reasoning.Answered<>(new Reply(says, new BigDecimal("0.8")), call),
                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }
    }
}
