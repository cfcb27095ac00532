package io.quorum.engine.backtest.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.backtest.Backtest;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.LlmAnswers;
import io.quorum.engine.backtest.ModelUse;
import io.quorum.engine.backtest.ReplayListener;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.backtest.report.Headline;
import io.quorum.engine.backtest.report.ReportJson;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.market.Bar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.RealDailyBars;
import io.quorum.engine.market.signal.RequiresMarketData;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The desk replayed with a language model speaking for Risk: an in-process model whose every answer takes as long as it says. */
@RequiresMarketData
class ModelBackedDeskReplayTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    /** Five years: enough rounds once the 200-day average is ready, few enough to replay quickly. */
    private static final List<Bar> BARS = RealDailyBars.load("orcl-1995-2014.txt", ORCL).subList(0, 1_260);
    private static final Duration DEADLINE = AutoTradingConfig.defaults().decisionTimeout();

    /**
     * Speaks for Risk and approves every proposal, on a thread of its own a few milliseconds later in
     * wall time, saying the call took {@code latency}: as a model reached over the network answers.
     */
    private record TimedModel(Duration latency) implements Reasoner {
        private static final Executor ELSEWHERE = CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS);

        @Override public boolean speaksFor(AgentRole role) { return role == AgentRole.RISK; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            ReasonerCalled call = new ReasonerCalled(deliberation.proposal().id(), deliberation.role(), "in-process", "stub-model", "stub-model-1", "risk.v1",
                    "prompt-" + deliberation.proposal().entry(), 900, 40, latency.toMillis(), new BigDecimal("0.000120"), ReasonerCalled.Outcome.ANSWERED, false, "{}");
            VoteAnswer vote = new VoteAnswer(VoteChoice.APPROVE, "the stub model approves", new BigDecimal("0.8"), null);
            return CompletableFuture.supplyAsync(() -> new Reasoning.Answered<>(vote, call), ELSEWHERE);
        }
    }

    private record Replayed(BacktestRun run, InMemoryJournal journal) {
        List<AgentMessage> said() {
            return journal.read(SessionId.of("backtest-ORCL"), 0, 1_000_000).stream()
                    .filter(entry -> entry.event() instanceof JournalEvent.MessageJournaled)
                    .map(entry -> ((JournalEvent.MessageJournaled) entry.event()).message()).toList();
        }

        List<ReasonerCalled> calls() {
            return journal.read(SessionId.of("backtest-ORCL"), 0, 1_000_000).stream()
                    .filter(entry -> entry.event() instanceof ReasonerCalled).map(entry -> (ReasonerCalled) entry.event()).toList();
        }
    }

    private static Replayed replay(Reasoner model) {
        ManualClock clock = Backtest.replayClock();
        InMemoryJournal journal = new InMemoryJournal(clock);
        BacktestConfig config = BacktestConfig.defaults().withSeed(3);
        DeskVotes votes = new DeskVotes(clock, journal, DeskSettings.defaults(), config.strategy(), ReplayModel.live(model));
        return new Replayed(new Backtest(config, ReplayListener.NONE, clock, votes).run(BARS.iterator()), journal);
    }

    @Test
    void a_model_slower_than_the_vote_deadline_times_the_round_out_in_replay_time_and_its_late_vote_is_not_counted() {
        Replayed replayed = replay(new TimedModel(DEADLINE.plusSeconds(15)));
        List<AgentMessage> said = replayed.said();
        AgentMessage proposal = said.stream().filter(m -> m.content() instanceof Proposal).findFirst().orElseThrow();
        AgentMessage decision = said.stream().filter(m -> m.content() instanceof Decision).findFirst().orElseThrow();
        AgentMessage lateVote = said.stream().filter(m -> m.sender() == AgentRole.RISK && m.content() instanceof Vote).findFirst().orElseThrow();

        assertThat(Duration.between(proposal.timestamp(), decision.timestamp())).isEqualTo(DEADLINE);
        assertThat(((Decision) decision.content()).votes()).filteredOn(vote -> vote.voter() == AgentRole.RISK).singleElement()
                .satisfies(vote -> assertThat(vote.reason()).isEqualTo("no answer before the deadline"));
        assertThat(Duration.between(proposal.timestamp(), lateVote.timestamp())).isEqualTo(DEADLINE.plusSeconds(15));
        assertThat(replayed.run().decisions().count(Outcome.APPROVED) + replayed.run().decisions().count(Outcome.APPROVED_MODIFIED)).isZero();
        assertThat(replayed.run().trades()).isEmpty();
        assertThat(replayed.calls()).isNotEmpty().allSatisfy(call -> assertThat(call.latencyMillis()).isEqualTo(DEADLINE.plusSeconds(15).toMillis()));
    }

    @Test
    void a_model_faster_than_the_deadline_votes_once_its_latency_has_passed_in_replay_time() {
        Replayed replayed = replay(new TimedModel(Duration.ofMillis(2_500)));
        List<AgentMessage> said = replayed.said();
        AgentMessage proposal = said.stream().filter(m -> m.content() instanceof Proposal).findFirst().orElseThrow();
        AgentMessage riskVote = said.stream().filter(m -> m.sender() == AgentRole.RISK && m.content() instanceof Vote).findFirst().orElseThrow();
        AgentMessage decision = said.stream().filter(m -> m.content() instanceof Decision).findFirst().orElseThrow();

        assertThat(Duration.between(proposal.timestamp(), riskVote.timestamp())).isEqualTo(Duration.ofMillis(2_500));
        assertThat(((Vote) riskVote.content()).reason()).startsWith("the stub model approves (stub-model, confidence 0.8, 940 tokens");
        assertThat(decision.timestamp()).isEqualTo(riskVote.timestamp());
        assertThat(replayed.run().trades()).isNotEmpty();
    }

    @Test
    void the_report_says_which_agents_asked_the_model_how_often_and_at_what_cost_and_is_the_same_on_every_run() {
        BacktestRun run = replay(new TimedModel(Duration.ofMillis(1_200))).run();
        String first = ReportJson.write(BacktestReport.of(run, "orcl-1995-2014.txt"));
        String second = ReportJson.write(BacktestReport.of(replay(new TimedModel(Duration.ofMillis(1_200))).run(), "orcl-1995-2014.txt"));
        ModelUse models = run.decisions().models();

        assertThat(first).isEqualTo(second);
        assertThat(run.mode()).startsWith("desk: the five agents vote, Risk asking a language model (live: ");
        assertThat(run.decisions().agents()).isEqualTo("model-backed: Risk; rule-based: Technical, Fundamental, Sentiment, Execution");
        assertThat(models.answers()).isEqualTo(LlmAnswers.LIVE);
        assertThat(models.calls()).isPositive().isEqualTo(models.count(ReasonerCalled.Outcome.ANSWERED));
        assertThat(models.tokens()).isEqualTo(940L * models.calls());
        assertThat(models.cost()).isEqualByComparingTo(new BigDecimal("0.000120").multiply(BigDecimal.valueOf(models.calls())));
        assertThat(first).contains("\"llm\":{\"answers\":\"live\",\"agents\":[\"RISK\"],\"models\":[\"stub-model\"],\"calls\":" + models.calls() + ",")
                .contains("\"slowestAnswerMillis\":1200");
        assertThat(Headline.models(BacktestReport.of(run, "orcl"))).hasValueSatisfying(line ->
                assertThat(line).startsWith("Language model (live): Risk (stub-model); " + models.calls() + " calls, " + models.calls() + " answered, 0 fell back"));
    }
}
