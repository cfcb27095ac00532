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
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.session.AutoTradingConfig;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five rule-based agents voting on Oracle's twenty years of daily bars, through the replay. */
@RequiresMarketData
class DeskBacktestOnOracleTest {
    private static final Ticker ORCL = Ticker.of("ORCL");
    private static final List<Bar> BARS = RealDailyBars.load("orcl-1995-2014.txt", ORCL);

    private record Replayed(BacktestRun run, InMemoryJournal journal) {}

    private static Replayed replay(DeskSettings settings) {
        ManualClock clock = Backtest.replayClock();
        InMemoryJournal journal = new InMemoryJournal(clock);
        BacktestConfig config = BacktestConfig.defaults().withSeed(3);
        BacktestRun run = new Backtest(config, ReplayListener.NONE, clock, new DeskVotes(clock, journal, settings, config.strategy())).run(BARS.iterator());
        return new Replayed(run, journal);
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
