package io.quorum.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled.Outcome;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.AnswerDraft;
import io.quorum.engine.reasoning.ConcernAnswer;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.HoldBack;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.ProposalAnswer;
import io.quorum.engine.reasoning.QuestionFirst;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.Rejection;
import io.quorum.engine.reasoning.Reply;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the reasoner does with each thing a provider may send back, the same for every provider:
 * each test runs against a local server speaking that provider's wire format. Every way of not
 * answering ends in a {@link Reasoning.FellBack} with its outcome, and in a record of the call.
 */
abstract class LlmReasonerContract {
    static final String MODEL = "test-model";
    /** Long enough for a first call on a busy machine (a cold HTTP client); the slow answer takes three times as long. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String APPROVE = "{\"choice\":\"APPROVE\",\"reason\":\"exposure 4% → 8% of equity, within the 10% limit\",\"confidence\":0.8,"
            + "\"modification\":{\"shares\":5,\"stop\":\"96.50\"}}";

    final ProviderStub server = new ProviderStub(fixtures());
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));
    private LlmReasoner reasoner;

    /** The fixtures' folder of the provider. */
    abstract String fixtures();

    abstract LlmProvider provider();

    /** Providers whose client has made a call in this JVM already. */
    private static final Set<LlmProvider> WARM = ConcurrentHashMap.newKeySet();

    /**
     * Makes one call with the provider's client before the first test of the class, with no time
     * limit: loading the client's classes on a busy machine is not what any test's timeout is about.
     */
    @BeforeEach void warmTheClient() {
        if (!WARM.add(provider())) return;
        server.answer(APPROVE);
        new LangChainEndpoint(provider(), server.baseUrl(), "sk-test-secret-1234", Duration.ofSeconds(60)).ask(Prompt.of("warm-up", MODEL, "system", "user"), 16, AnswerDraft.IGNORED);
        server.bodies.clear();
        server.keysSeen.clear();
    }

    @AfterEach void stop() {
        if (reasoner != null) reasoner.close();
        server.close();
    }

    LlmReasoner reasoner(LlmSettings.Breaker breaker, LlmSettings.Budget budget) {
        Map<AgentRole, String> models = new EnumMap<>(AgentRole.class);
        for (AgentRole role : AgentRole.VOTERS) models.put(role, MODEL);
        LlmSettings settings = new LlmSettings(provider(), server.baseUrl(), models, TIMEOUT, breaker, budget,
                Map.of(MODEL, new ModelPrice(new BigDecimal("0.15"), new BigDecimal("0.60"))), 400);
        reasoner = new LlmReasoner(settings, new LangChainEndpoint(provider(), server.baseUrl(), "sk-test-secret-1234", TIMEOUT), clock);
        return reasoner;
    }

    LlmReasoner reasoner() { return reasoner(LlmSettings.Breaker.defaults(), LlmSettings.Budget.defaults()); }

    static Deliberation deliberation(AgentRole role, ProposalId id) {
        Proposal proposal = new Proposal(id, TradeAction.OPEN_LONG, Ticker.of("AAPL"), Direction.LONG, Size.shares(10),
                Price.parse("100.00"), Price.parse("95.00"), Price.parse("110.00"), null, "breakout above the 20-day high", "Buy 10 AAPL. Entry: $100.00");
        return new Deliberation(role, SessionId.of("contract"), proposal, List.of("Portfolio: equity $100000.00, AAPL is 4.0% of it."),
                "APPROVE — exposure 4.0% → 5.0% of equity", List.of("Technical PROPOSAL: Buy 10 AAPL. Entry: $100.00"));
    }

    /** The answer of a call that answered; fails the test otherwise. */
    static <A> A answerOf(Reasoning<A> reasoning) {
        assertThat(reasoning).isInstanceOf(Reasoning.Answered.class);
        return ((Reasoning.Answered<A>) reasoning).answer();
    }

    static Reasoning<VoteAnswer> ask(LlmReasoner reasoner, Deliberation deliberation) {
        return reasoner.reason(deliberation).toCompletableFuture().join();
    }

    @Test
    void a_valid_answer_is_the_roles_vote_and_its_call_is_recorded_with_tokens_cost_prompt_and_raw_answer() {
        server.answer(APPROVE);
        ProposalId id = ProposalId.random();

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.RISK, id));

        VoteAnswer answer = answerOf(reasoning);
        assertThat(answer.choice()).isEqualTo(VoteChoice.APPROVE);
        assertThat(answer.confidence()).isEqualByComparingTo("0.8");
        assertThat(answer.modification()).isEqualTo(new Modification(Size.shares(5), Price.parse("96.50"), null));
        ReasonerCalled call = reasoning.call();
        assertThat(call.proposalId()).isEqualTo(id);
        assertThat(call.provider()).isEqualTo(provider().configName());
        assertThat(call.model()).isEqualTo(MODEL);
        assertThat(call.modelVersion()).isNotBlank();
        assertThat(call.promptVersion()).isEqualTo("risk.v1+answer.v2");
        assertThat(call.promptHash()).hasSize(64);
        assertThat(call.tokensIn()).isEqualTo(812);
        assertThat(call.tokensOut()).isEqualTo(64);
        assertThat(call.cost()).isEqualByComparingTo("0.000161"); // 812 × 0.15 + 64 × 0.60 = 160.2 millionths of a dollar, rounded up
        assertThat(call.raw()).isEqualTo(APPROVE);
        assertThat(call.cached()).isFalse();
        assertThat(server.bodies).singleElement().asString().contains("Buy 10 AAPL").contains("You are the Risk agent").doesNotContain(id.toString());
    }

    static final String ASK_SENTIMENT = "{\"ask\":{\"to\":\"SENTIMENT\",\"question\":\"Is there a headline behind the breakout?\",\"confidence\":0.6}}";

    /** Fundamental's first look at the vote: it may ask any other agent before it votes. */
    static Deliberation mayAsk(ProposalId id) {
        Deliberation plain = deliberation(AgentRole.FUNDAMENTAL, id);
        return new Deliberation(plain.role(), plain.session(), plain.proposal(), plain.facts(), plain.rulesVerdict(), plain.conversation(),
                List.of(AgentRole.TECHNICAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION), null);
    }

    @Test
    void where_it_may_ask_first_the_model_asks_a_named_agent_a_question_recorded_against_the_proposal() {
        server.answer(ASK_SENTIMENT);
        ProposalId id = ProposalId.random();

        Reasoning<Consideration> reasoning = reasoner().consider(mayAsk(id), AnswerDraft.IGNORED).toCompletableFuture().join();

        assertThat(answerOf(reasoning)).isEqualTo(new QuestionFirst(AgentRole.SENTIMENT, "Is there a headline behind the breakout?", new BigDecimal("0.6")));
        assertThat(reasoning.call().proposalId()).isEqualTo(id);
        assertThat(reasoning.call().promptVersion()).isEqualTo("fundamental.v1+answer.v2");
        assertThat(reasoning.call().raw()).isEqualTo(ASK_SENTIMENT);
        assertThat(server.bodies).singleElement().asString().contains("You may ask one question first, of one of: TECHNICAL, SENTIMENT, RISK, EXECUTION.");
    }

    @Test
    void where_it_may_ask_first_a_vote_is_still_a_vote() {
        server.answer(APPROVE);

        Reasoning<Consideration> reasoning = reasoner().consider(mayAsk(ProposalId.random()), AnswerDraft.IGNORED).toCompletableFuture().join();

        assertThat(answerOf(reasoning)).isInstanceOfSatisfying(VoteAnswer.class, vote -> assertThat(vote.choice()).isEqualTo(VoteChoice.APPROVE));
    }

    @ParameterizedTest(name = "{0} falls back: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"ask":{"to":"FUNDAMENTAL","question":"Am I right?","confidence":0.5}}             | ask.to: "FUNDAMENTAL" is not one of TECHNICAL, SENTIMENT, RISK, EXECUTION
            {"ask":{"to":"ORCHESTRATOR","question":"Who decides?","confidence":0.5}}           | ask.to: "ORCHESTRATOR" is not one of TECHNICAL, SENTIMENT, RISK, EXECUTION
            {"ask":{"to":"SENTIMENT","question":" ","confidence":0.5}}                         | ask.question: expected a sentence
            {"ask":{"to":"SENTIMENT","question":"Any news?","confidence":0.5,"urgent":true}}   | ask: unknown field "urgent"
            {"ask":{"to":"SENTIMENT","question":"Any news?"}}                                  | confidence: expected a number from 0 to 1
            {"ask":"SENTIMENT"}                                                                | ask: expected an object of to, question, confidence
            """)
    void a_question_outside_the_schema_falls_back_as_an_invalid_answer(String answer, String problem) {
        server.answer(answer);

        Reasoning<Consideration> reasoning = reasoner().consider(mayAsk(ProposalId.random()), AnswerDraft.IGNORED).toCompletableFuture().join();

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> {
            assertThat(fellBack.call().outcome()).isEqualTo(Outcome.INVALID_ANSWER);
            assertThat(fellBack.why()).isEqualTo("the model's answer was not valid (" + problem + ")");
        });
    }

    @Test
    void once_its_question_is_answered_the_model_reads_the_answer_and_a_second_question_falls_back_as_an_invalid_answer() {
        server.answer(ASK_SENTIMENT);
        Deliberation answered = mayAsk(ProposalId.random())
                .answered(new Deliberation.Exchange(AgentRole.SENTIMENT, "Is there a headline behind the breakout?", "Negative news. The export probe widened."));

        Reasoning<Consideration> reasoning = reasoner().consider(answered, AnswerDraft.IGNORED).toCompletableFuture().join();

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> assertThat(fellBack.why())
                .isEqualTo("the model's answer was not valid (ask: a question is not allowed here; the model was to vote now)"));
        assertThat(server.bodies).singleElement().asString().contains("You asked Sentiment: Is there a headline behind the breakout?")
                .contains("Sentiment answered: Negative news. The export probe widened.").contains("Vote now: you may not ask a question.");
    }

    @Test
    void a_question_is_answered_with_the_reply_schema_and_its_call_is_recorded_against_the_question() {
        server.answer("{\"answer\":\"Negative news. The guidance cut on Tuesday explains the drop.\",\"confidence\":0.75}");
        Inquiry inquiry = inquiry();

        Reasoning<Reply> reasoning = reasoner().answer(inquiry).toCompletableFuture().join();

        assertThat(answerOf(reasoning)).isEqualTo(new Reply("Negative news. The guidance cut on Tuesday explains the drop.", new BigDecimal("0.75")));
        ReasonerCalled call = reasoning.call();
        assertThat(call.questionId()).isEqualTo(inquiry.questionId());
        assertThat(call.proposalId()).isNull();
        assertThat(call.promptVersion()).isEqualTo("sentiment.v1+reply.v1");
        assertThat(call.tokens()).isEqualTo(876);
        assertThat(server.bodies).singleElement().asString().contains("You are the Sentiment agent").contains("The question Fundamental asks you")
                .contains("is there a headline behind this move?").contains("\\\"answer\\\"").doesNotContain(inquiry.questionId().toString());
    }

    @Test
    void an_answer_to_a_question_that_breaks_the_reply_schema_falls_back_to_the_rules_answer() {
        server.answer("{\"choice\":\"APPROVE\",\"reason\":\"fine\",\"confidence\":0.5}");

        Reasoning<Reply> reasoning = reasoner().answer(inquiry()).toCompletableFuture().join();

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> {
            assertThat(fellBack.call().outcome()).isEqualTo(Outcome.INVALID_ANSWER);
            assertThat(fellBack.why()).isEqualTo("the model's answer was not valid (unknown field \"choice\")");
        });
    }

    static final String REDUCE_A_THIRD = "{\"action\":\"REDUCE\",\"size\":{\"shares\":20},\"entry\":\"97.10\",\"stop\":null,\"target\":null,"
            + "\"rationale\":\"the probe is a headline risk, not a broken trend: trim a third and keep the rest\",\"confidence\":0.7}";

    /** Sentiment's rules would halve the 60-share long on a bad headline; the model is asked to word it. */
    static Drafting halving() {
        Proposal ruled = new Proposal(ProposalId.random(), TradeAction.REDUCE, Ticker.of("AAPL"), Direction.LONG, Size.percentOfPosition("50"),
                Price.parse("97.00"), null, null, null, "the headline \"AAPL faces a fraud probe\" runs against the long position; sentiment 0.31",
                "Reduce the long AAPL position by half at about $97.00 on the news");
        return new Drafting(AgentRole.SENTIMENT, SessionId.of("contract"), ruled, null, 60, List.of("News sentiment score: 0.31 (negative)."),
                List.of("Sentiment ALERT: Breaking: \"AAPL faces a fraud probe\""));
    }

    @Test
    void a_valid_proposal_is_the_roles_proposal_and_its_call_is_recorded_against_the_proposal_it_keeps_the_id_of() {
        server.answer(REDUCE_A_THIRD);
        Drafting drafting = halving();

        Reasoning<DraftingAnswer> reasoning = reasoner().draft(drafting).toCompletableFuture().join();

        ProposalAnswer answer = (ProposalAnswer) answerOf(reasoning);
        assertThat(answer).isEqualTo(new ProposalAnswer(TradeAction.REDUCE, Size.shares(20), Price.parse("97.10"), null, null,
                "the probe is a headline risk, not a broken trend: trim a third and keep the rest", new BigDecimal("0.7")));
        Proposal proposal = answer.proposal(drafting, " (test-model)");
        assertThat(proposal.id()).isEqualTo(drafting.ruled().id());
        assertThat(proposal.text()).isEqualTo("Reduce the long AAPL position by 20 shares at about $97.10");
        ReasonerCalled call = reasoning.call();
        assertThat(call.proposalId()).isEqualTo(drafting.ruled().id());
        assertThat(call.promptVersion()).isEqualTo("sentiment.v1+proposal.v2");
        assertThat(call.raw()).isEqualTo(REDUCE_A_THIRD);
        assertThat(server.bodies).singleElement().asString().contains("You are the Sentiment agent").contains("This time you put a proposal to the desk")
                .contains("What the desk's fixed rules for your role would propose").contains("Long 60 shares of AAPL")
                .contains("You may hold this proposal back instead.").doesNotContain(drafting.ruled().id().toString());
    }

    @Test
    void a_model_may_hold_back_a_proposal_its_role_opens() {
        String hold = "{\"hold\":{\"reason\":\"the probe was reported yesterday; the price has held since\",\"confidence\":0.65}}";
        server.answer(hold);

        Reasoning<DraftingAnswer> reasoning = reasoner().draft(halving()).toCompletableFuture().join();

        assertThat(answerOf(reasoning)).isEqualTo(new HoldBack("the probe was reported yesterday; the price has held since", new BigDecimal("0.65")));
        assertThat(reasoning.call().raw()).isEqualTo(hold);
    }

    @Test
    void a_counter_proposal_held_back_falls_back_as_an_invalid_answer() {
        server.answer("{\"hold\":{\"reason\":\"no counter needed\",\"confidence\":0.5}}");
        Drafting halving = halving();
        Drafting counter = new Drafting(AgentRole.TECHNICAL, halving.session(), halving.ruled(), "Sentiment PROPOSAL: Reduce by half", 60,
                halving.facts(), halving.conversation());

        Reasoning<DraftingAnswer> reasoning = reasoner().draft(counter).toCompletableFuture().join();

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack ->
                assertThat(fellBack.why()).isEqualTo("the model's answer was not valid (hold: a counter-proposal is not held back)"));
        assertThat(server.bodies).singleElement().asString().contains("Word the counter-proposal: it is not held back.");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"action":"REDUCE","size":{"shares":20},"entry":"97.10","rationale":"trim","confidence":0.7,"urgency":"high"} | unknown field "urgency"
            {"action":"SELL","size":{"shares":20},"entry":"97.10","rationale":"trim","confidence":0.7}                   | action: expected one of OPEN_LONG, OPEN_SHORT, INCREASE, REDUCE, CLOSE, was "SELL"
            {"action":"REDUCE","size":{"shares":20,"percentOfPosition":30},"entry":"97.10","rationale":"trim","confidence":0.7} | size: expected an object of shares or percentOfPosition, one of them
            {"action":"REDUCE","size":{"shares":80},"entry":"97.10","rationale":"trim","confidence":0.7}                 | size: reducing 80 shares is more than the 60 held
            {"action":"OPEN_SHORT","size":{"shares":20},"entry":"97.10","rationale":"flip","confidence":0.7}             | OPEN_SHORT does not fit a desk that holds 60 shares of AAPL; it may INCREASE, REDUCE or CLOSE
            {"action":"INCREASE","size":{"percentOfPosition":20},"entry":"97.10","rationale":"add","confidence":0.7}     | size: INCREASE is sized in shares
            {"action":"INCREASE","size":{"shares":10},"entry":"97.10","stop":"99.00","rationale":"add","confidence":0.7} | stop $99.00 is not below the entry $97.10 of a long
            {"action":"REDUCE","size":{"shares":20},"entry":"120.00","rationale":"trim","confidence":0.7}                | entry $120.00 is 23.71% from the last price $97.00, more than 5%
            {"action":"REDUCE","size":{"shares":20},"entry":"97.10","rationale":"trim","confidence":1.5}                 | confidence: 1.5 is not from 0 to 1
            """)
    void a_proposal_outside_the_schema_or_unfit_for_the_desk_falls_back_to_the_rules_proposal_and_says_why(String answer, String problem) {
        server.answer(answer);

        Reasoning<DraftingAnswer> reasoning = reasoner().draft(halving()).toCompletableFuture().join();

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> {
            assertThat(fellBack.call().outcome()).isEqualTo(Outcome.INVALID_ANSWER);
            assertThat(fellBack.why()).isEqualTo("the model's answer was not valid (" + problem + ")");
            assertThat(fellBack.call().raw()).isEqualTo(answer);
        });
    }

    @Test
    void a_base_url_where_no_server_listens_falls_back_as_unavailable_and_says_the_connection_was_refused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/v1/");
        LlmSettings settings = new LlmSettings(provider(), nowhere, Map.of(AgentRole.RISK, MODEL), TIMEOUT, LlmSettings.Breaker.defaults(),
                LlmSettings.Budget.defaults(), Map.of(), 400);
        try (LlmReasoner unreachable = new LlmReasoner(settings, new LangChainEndpoint(provider(), nowhere, "sk-test-secret-1234", TIMEOUT), clock)) {
            Reasoning<VoteAnswer> reasoning = ask(unreachable, deliberation(AgentRole.RISK, ProposalId.random()));

            assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> {
                assertThat(fellBack.call().outcome()).isEqualTo(Outcome.UNAVAILABLE);
                assertThat(fellBack.why()).isEqualTo("the model could not be reached or failed (no server answers at the base URL (connection refused))");
            });
        }
    }

    static Rejection jittery() {
        Proposal card = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, Ticker.of("AAPL"), Direction.LONG, Size.shares(100),
                Price.parse("100.00"), Price.parse("96.00"), Price.parse("106.00"), null, "price above the 200-day average", "Buy 100 AAPL. Entry: $100.00");
        return new Rejection(AgentRole.TECHNICAL, SessionId.of("contract"), card, "the market feels jittery today",
                List.of("too risky", "stop too wide", "position too big", "target too far"), List.of("Range: ATR(14) $2.00 (2% a day)."), List.of());
    }

    @Test
    void a_reason_that_names_no_concern_is_read_by_the_model_as_one_of_the_concerns_and_recorded_against_the_card() {
        server.answer("{\"concern\":\"Stop too wide\",\"reading\":\"a jittery market reaches a stop two ATRs away on noise\",\"confidence\":0.7}");
        Rejection rejection = jittery();

        Reasoning<ConcernAnswer> reasoning = reasoner().readConcern(rejection).toCompletableFuture().join();

        assertThat(answerOf(reasoning)).isEqualTo(new ConcernAnswer("stop too wide", "a jittery market reaches a stop two ATRs away on noise", new BigDecimal("0.7")));
        assertThat(reasoning.call().proposalId()).isEqualTo(rejection.card().id());
        assertThat(reasoning.call().promptVersion()).isEqualTo("technical.v1+concern.v1");
        assertThat(server.bodies).singleElement().asString().contains("The trader's reason").contains("the market feels jittery today")
                .contains("- target too far").doesNotContain(rejection.card().id().toString());
    }

    @Test
    void a_reading_that_names_a_concern_not_offered_falls_back_as_an_invalid_answer() {
        server.answer("{\"concern\":\"entry too high\",\"reading\":\"wants a lower entry\",\"confidence\":0.6}");

        Reasoning<ConcernAnswer> reasoning = reasoner().readConcern(jittery()).toCompletableFuture().join();

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> assertThat(fellBack.why())
                .isEqualTo("the model's answer was not valid (concern: \"entry too high\" is not one of too risky, stop too wide, position too big, target too far)"));
    }

    static Inquiry inquiry() {
        return new Inquiry(AgentRole.SENTIMENT, SessionId.of("contract"), UUID.randomUUID(), AgentRole.FUNDAMENTAL,
                "Technical reports: AAPL fell 3% in an hour. Sentiment, is there a headline behind this move?",
                List.of("News sentiment score: 0.31 (negative)."), "Negative news. News sentiment score: 0.31 (negative).",
                List.of("Technical ALERT: AAPL fell 3% in an hour"));
    }

    @Test
    void text_that_is_not_json_falls_back_as_an_invalid_answer_and_keeps_what_the_model_said() {
        server.answer("I would approve this trade, the chart looks fine.");

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.TECHNICAL, ProposalId.random()));

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> {
            assertThat(fellBack.call().outcome()).isEqualTo(Outcome.INVALID_ANSWER);
            assertThat(fellBack.why()).isEqualTo("the model's answer was not valid (the answer is not JSON)");
            assertThat(fellBack.call().raw()).isEqualTo("I would approve this trade, the chart looks fine.");
            assertThat(fellBack.call().tokens()).isEqualTo(876);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"choice\":\"APPROVE\",\"reason\":\"fine\",\"confidence\":1.7}",
            "{\"choice\":\"BUY\",\"reason\":\"fine\",\"confidence\":0.5}",
            "{\"choice\":\"VETO\",\"reason\":\"too risky\",\"confidence\":0.9}",
            "{\"choice\":\"APPROVE\",\"reason\":\"fine\",\"confidence\":0.5,\"size\":10}",
            "{\"choice\":\"APPROVE\",\"reason\":\"fine\",\"confidence\":0.5,\"modification\":{\"stop\":\"-3\"}}"})
    void an_answer_outside_the_schema_falls_back_as_an_invalid_answer(String answer) {
        server.answer(answer);

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.TECHNICAL, ProposalId.random()));

        assertThat(reasoning).isInstanceOf(Reasoning.FellBack.class);
        assertThat(reasoning.call().outcome()).isEqualTo(Outcome.INVALID_ANSWER);
    }

    @Test
    void the_answer_is_streamed_and_heard_as_it_is_generated_before_the_vote_is_settled() {
        server.answerInPieces(Duration.ofMillis(40), APPROVE);
        List<String> drafts = new CopyOnWriteArrayList<>();
        CompletableFuture<Reasoning<VoteAnswer>> stage = reasoner().reason(deliberation(AgentRole.RISK, ProposalId.random()), drafts::add).toCompletableFuture();

        await().atMost(Duration.ofSeconds(5)).until(() -> !drafts.isEmpty());
        assertThat(stage).as("the first piece is heard while the rest is still being written").isNotDone();
        Reasoning<VoteAnswer> reasoning = stage.join();

        assertThat(answerOf(reasoning).choice()).isEqualTo(VoteChoice.APPROVE);
        assertThat(drafts.getFirst()).isEqualTo(APPROVE.substring(0, ProviderStub.PIECE));
        assertThat(drafts).isSortedAccordingTo(Comparator.comparing(String::length)).allSatisfy(draft -> assertThat(APPROVE).startsWith(draft));
        assertThat(drafts.getLast()).isEqualTo(APPROVE);
        assertThat(reasoning.call().tokens()).as("the usage streamed at the end").isEqualTo(812 + 64);
        assertThat(server.bodies).singleElement().satisfies(body -> assertThat(new ObjectMapper().readTree(body).path("stream").asBoolean()).isTrue());
    }

    @Test
    void a_call_given_up_at_its_timeout_tells_the_draft_nothing_more() {
        server.answerInPieces(Duration.ofMillis(150), APPROVE);
        List<String> drafts = new CopyOnWriteArrayList<>();
        LlmSettings.Breaker breaker = LlmSettings.Breaker.defaults();
        Map<AgentRole, String> models = Map.of(AgentRole.RISK, MODEL);
        LlmSettings settings = new LlmSettings(provider(), server.baseUrl(), models, Duration.ofMillis(600), breaker, LlmSettings.Budget.defaults(), Map.of(), 400);
        try (LlmReasoner quick = new LlmReasoner(settings, new LangChainEndpoint(provider(), server.baseUrl(), "sk-test-secret-1234", TIMEOUT), clock)) {
            Reasoning<VoteAnswer> reasoning = quick.reason(deliberation(AgentRole.RISK, ProposalId.random()), drafts::add).toCompletableFuture().join();
            int heard = drafts.size();

            assertThat(reasoning.call().outcome()).isEqualTo(Outcome.TIMED_OUT);
            await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(drafts).as("nothing after the timeout").hasSize(heard);
            assertThat(heard).isLessThan(APPROVE.length() / ProviderStub.PIECE);
        }
    }

    @Test
    void a_refusal_falls_back_as_refused() {
        server.refuse();

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.SENTIMENT, ProposalId.random()));

        assertThat(reasoning).isInstanceOf(Reasoning.FellBack.class);
        assertThat(reasoning.call().outcome()).as(reasoning.toString()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void an_answer_slower_than_the_timeout_falls_back_as_timed_out_once_the_timeout_has_passed() {
        server.answerAfter(TIMEOUT.multipliedBy(3), APPROVE);

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.RISK, ProposalId.random()));

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class,
                fellBack -> assertThat(fellBack.why()).isEqualTo("the model did not answer in time (no answer within 2s)"));
        assertThat(reasoning.call().latencyMillis()).isGreaterThanOrEqualTo(TIMEOUT.toMillis()).isLessThan(TIMEOUT.multipliedBy(3).toMillis());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 429, 500})
    void an_http_error_falls_back_as_unavailable_and_never_repeats_the_servers_message(int status) {
        server.fail(status);

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.EXECUTION, ProposalId.random()));

        assertThat(reasoning).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> {
            assertThat(fellBack.call().outcome()).isEqualTo(Outcome.UNAVAILABLE);
            assertThat(fellBack.detail()).startsWith("HTTP " + (status == 500 ? "5" : status)).doesNotContain("sk-test").doesNotContain("key provided");
            assertThat(fellBack.call().raw()).isEmpty();
        });
        assertThat(server.requests()).as("no retry: the breaker decides when to try again").isEqualTo(1);
    }

    @Test
    void the_key_goes_to_the_server_in_its_header_and_nowhere_into_the_record() {
        server.answer(APPROVE);

        Reasoning<VoteAnswer> reasoning = ask(reasoner(), deliberation(AgentRole.RISK, ProposalId.random()));

        assertThat(server.keysSeen).anyMatch(header -> header.contains("sk-test-secret-1234"));
        assertThat(reasoning.call().toString()).doesNotContain("sk-test");
    }

    @Test
    void the_circuit_opens_after_failures_answers_without_calling_while_open_and_closes_after_a_good_trial_call() {
        LlmReasoner reasoner = reasoner(new LlmSettings.Breaker(4, 2, 50, Duration.ofMillis(300)), LlmSettings.Budget.defaults());
        server.fail(500);
        ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random()));
        ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random()));
        assertThat(reasoner.circuit()).isEqualTo(CircuitBreaker.State.OPEN);

        Reasoning<VoteAnswer> resting = ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random()));

        assertThat(resting.call().outcome()).isEqualTo(Outcome.CIRCUIT_OPEN);
        assertThat(server.requests()).isEqualTo(2);

        server.answer(APPROVE);
        await().atMost(Duration.ofSeconds(5)).until(() -> ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random())) instanceof Reasoning.Answered);
        assertThat(reasoner.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void once_the_days_tokens_are_spent_no_call_is_made_until_the_day_turns() {
        // Each answer costs 876 tokens: two fit in the day's 1,500, the third finds it spent.
        LlmReasoner reasoner = reasoner(LlmSettings.Breaker.defaults(), new LlmSettings.Budget(1_000, 1_500, new BigDecimal("1"), new BigDecimal("10")));
        server.answer(APPROVE);
        assertThat(ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random()))).isInstanceOf(Reasoning.Answered.class);
        assertThat(ask(reasoner, deliberation(AgentRole.TECHNICAL, ProposalId.random()))).isInstanceOf(Reasoning.Answered.class);

        Reasoning<VoteAnswer> spent = ask(reasoner, deliberation(AgentRole.SENTIMENT, ProposalId.random()));

        assertThat(spent).isInstanceOfSatisfying(Reasoning.FellBack.class,
                fellBack -> assertThat(fellBack.why()).isEqualTo("the token budget is spent (1752 of 1500 tokens spent today)"));
        assertThat(reasoner.budgetSpentToday()).isTrue();
        assertThat(server.requests()).isEqualTo(2);

        clock.advance(Duration.ofDays(1));

        assertThat(reasoner.budgetSpentToday()).isFalse();
        assertThat(ask(reasoner, deliberation(AgentRole.SENTIMENT, ProposalId.random()))).isInstanceOf(Reasoning.Answered.class);
    }

    @Test
    void one_decision_spends_no_more_than_its_own_budget() {
        LlmReasoner reasoner = reasoner(LlmSettings.Breaker.defaults(), new LlmSettings.Budget(800, 100_000, new BigDecimal("1"), new BigDecimal("10")));
        server.answer(APPROVE);
        ProposalId decision = ProposalId.random();
        ask(reasoner, deliberation(AgentRole.RISK, decision));

        Reasoning<VoteAnswer> second = ask(reasoner, deliberation(AgentRole.TECHNICAL, decision));

        assertThat(second).isInstanceOfSatisfying(Reasoning.FellBack.class, fellBack -> assertThat(fellBack.detail()).isEqualTo("876 of 800 tokens spent on this decision"));
        assertThat(ask(reasoner, deliberation(AgentRole.TECHNICAL, ProposalId.random()))).isInstanceOf(Reasoning.Answered.class);
    }

    @Test
    void the_same_prompt_again_is_answered_from_the_cache_free_and_without_a_call() {
        server.answer(APPROVE);
        LlmReasoner reasoner = reasoner();
        Reasoning<VoteAnswer> first = ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random()));

        Reasoning<VoteAnswer> again = ask(reasoner, deliberation(AgentRole.RISK, ProposalId.random()));

        assertThat(again).isInstanceOfSatisfying(Reasoning.Answered.class, answered -> {
            assertThat(answered.answer()).isEqualTo(((Reasoning.Answered<VoteAnswer>) first).answer());
            assertThat(answered.call().cached()).isTrue();
            assertThat(answered.call().tokens()).isZero();
            assertThat(answered.call().cost()).isZero();
            assertThat(answered.call().promptHash()).isEqualTo(first.call().promptHash());
        });
        assertThat(server.requests()).isEqualTo(1);
    }

}
