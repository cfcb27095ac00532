package io.quorum.engine.backtest.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.backtest.Backtest;
import io.quorum.engine.backtest.BacktestConfig;
import io.quorum.engine.backtest.BacktestRun;
import io.quorum.engine.backtest.ReplayListener;
import io.quorum.engine.backtest.Trade;
import io.quorum.engine.backtest.report.BacktestReport;
import io.quorum.engine.backtest.report.ReportJson;
import io.quorum.engine.desk.DeskSettings;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent;
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
import org.junit.jupiter.api.Test;

/** The five rule-based agents voting on Oracle's twenty years of daily bars, through the replay. */
@RequiresMarketData
class DeskBacktestOnOracleTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final List<Bar> BARS = RealDailyBars.load("orcl-1995-2014.txt", ORCL);

    private record Replayed(BacktestRun run, InMemoryJournal journal) {}

    private static Replayed replay(DeskSettings settings) { return replay(settings, Reasoner.RULES_ONLY); }

    /** With {@code reasoner} speaking for some roles; the replay does not wait in wall time for an answer that has not come. */
    private static Replayed replay(DeskSettings settings, Reasoner reasoner) {
        ManualClock clock = Backtest.replayClock();
        InMemoryJournal journal = new InMemoryJournal(clock);
        BacktestConfig config = BacktestConfig.defaults().withSeed(3);
        DeskVotes votes = new DeskVotes(clock, journal, settings, config.strategy(), ReplayModel.live(reasoner), Duration.ZERO);
        BacktestRun run = new Backtest(config, ReplayListener.NONE, clock, votes).run(BARS.iterator());
        return new Replayed(run, journal);
    }

    /** Speaks for Risk and never answers: a voter the round must not wait for past its deadline. */
    private static final Reasoner SILENT_RISK = new Reasoner() {
        @Override public boolean speaksFor(AgentRole role) { return role == AgentRole.RISK; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) { return new CompletableFuture<>(); }
    };

    @Test
    void a_voter_that_never_answers_is_counted_absent_once_the_decision_timeout_has_passed_in_replay_time() {
        Replayed replayed = replay(DeskSettings.defaults(), SILENT_RISK);
        List<AgentMessage> said = replayed.journal().read(SessionId.of("backtest-ORCL"), 0, 1_000_000).stream()
                .filter(entry -> entry.event() instanceof JournalEvent.MessageJournaled)
                .map(entry -> ((JournalEvent.MessageJournaled) entry.event()).message()).toList();
        AgentMessage proposal = said.stream().filter(m -> m.content() instanceof Proposal).findFirst().orElseThrow();
        AgentMessage decision = said.stream().filter(m -> m.content() instanceof Decision).findFirst().orElseThrow();

        assertThat(Duration.between(proposal.timestamp(), decision.timestamp())).isEqualTo(AutoTradingConfig.defaults().decisionTimeout());
        assertThat(((Decision) decision.content()).votes()).filteredOn(vote -> vote.voter() == AgentRole.RISK).singleElement()
                .satisfies(vote -> assertThat(vote.reason()).isEqualTo("no answer before the deadline"));
        assertThat(replayed.run().bars()).isEqualTo(BARS.size());
    }

    @Test
    void every_trade_was_decided_by_a_vote_and_every_decision_is_in_the_journal() {
        Replayed replayed = replay(DeskSettings.defaults());
        BacktestRun run = replayed.run();
        List<JournalEntry> entries = replayed.journal().read(SessionId.of("backtest-ORCL"), 0, 1_000_000);
        long journaledDecisions = entries.stream()
                .filter(entry -> entry.event() instanceof JournalEvent.MessageJournaled m && m.message().content() instanceof Decision).count();

        assertThat(run.mode()).isEqualTo(DeskVotes.MODE);
        assertThat(run.decisions().agents()).isEqualTo("rule-based");
        assertThat(run.decisions().count(Outcome.APPROVED) + run.decisions().count(Outcome.APPROVED_MODIFIED)).isPositive();
        assertThat(run.trades()).isNotEmpty();
        assertThat(journaledDecisions).isEqualTo(run.decisions().rounds());
        assertThat(entries.getFirst().event()).isInstanceOf(JournalEvent.SessionOpened.class);
        // No trade before the 200-day average the agents read is ready, and each is entered at an open after its vote.
        assertThat(run.trades().getFirst().entryTime()).isAfter(BARS.get(200).start());
    }

    @Test
    void a_vetoed_entry_is_never_taken_and_its_pnl_had_it_been_taken_is_reported() {
        // A 0.01% position limit ($10 of $100,000) leaves Risk no room for one share once ORCL trades above $10: it vetoes those entries.
        AutoTradingConfig tight = AutoTradingConfig.defaults();
        tight = new AutoTradingConfig(new BigDecimal("0.01"), tight.maxDailyLossPct(), tight.maxTradesPerDay(), tight.tradingHoursStart(),
                tight.tradingHoursEnd(), tight.timeZone(), tight.requireConfirmationAbove(), tight.decisionTimeout(), tight.quorum(),
                tight.trailingStopPct(), tight.flattenOnMaxLoss());
        BacktestRun run = replay(DeskSettings.defaults().withDefaultConfig(tight)).run();
        BacktestReport report = BacktestReport.of(run, "orcl-1995-2014.txt");

        assertThat(run.decisions().count(Outcome.VETOED)).isPositive();
        assertThat(run.vetoedTrades()).isNotEmpty();
        assertThat(run.trades()).extracting(Trade::entryTime).doesNotContainAnyElementsOf(run.vetoedTrades().stream().map(Trade::entryTime).toList());
        assertThat(report.vetoedPnlMicros()).isEqualTo(run.vetoedTrades().stream().mapToLong(Trade::pnlMicros).sum());
        assertThat(ReportJson.write(report)).contains("\"vetoes\":" + run.decisions().count(Outcome.VETOED));
    }

    @Test
    void the_same_bars_config_and_seed_give_the_same_report_json_byte_for_byte() {
        String first = ReportJson.write(BacktestReport.of(replay(DeskSettings.defaults()).run(), "orcl-1995-2014.txt"));
        String second = ReportJson.write(BacktestReport.of(replay(DeskSettings.defaults()).run(), "orcl-1995-2014.txt"));

        assertThat(first).isEqualTo(second).contains("\"decisions\":{\"agents\":\"rule-based\"");
    }
}
