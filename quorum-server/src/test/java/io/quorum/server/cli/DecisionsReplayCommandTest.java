package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.llm.PromptBook;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.journal.SeenDesk;
import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.market.Tick;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum decisions replay} on a SQLite journal holding the samples' AAPL decision, in which
 * Risk's vote (approve, with 100 shares and a stop at 176.25) came from a model.
 */
class DecisionsReplayCommandTest {
    private static final String RISK_APPROVES = "{\"choice\":\"APPROVE\",\"reason\":\"Exposure stays under 20% of equity\",\"confidence\":0.8,"
            + "\"modification\":{\"shares\":100,\"stop\":\"176.25\"}}";

    @TempDir Path directory;

    @Test
    void a_decision_replayed_from_its_recorded_answers_comes_out_the_same() {
        Path file = journal(RISK_APPROVES, PromptBook.versionOf(AgentRole.RISK));

        QuorumCli.Run run = replay(file, JournalSamples.PROPOSAL_ID.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("recorded: APPROVED_MODIFIED, 4 approve, 0 reject, 1 abstain")
                .contains("replayed: APPROVED_MODIFIED, 4 approve, 0 reject, 1 abstain").contains("the same outcome, tally and terms");
    }

    @Test
    void an_answer_that_reads_otherwise_today_and_an_older_prompt_show_as_differences() {
        Path file = journal(RISK_APPROVES.replace("APPROVE", "REJECT"), "risk.v0+answer.v1");

        QuorumCli.Run run = replay(file, JournalSamples.PROPOSAL_ID.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("differs: Risk: asked with prompt risk.v0+answer.v1; today's prompt is " + PromptBook.versionOf(AgentRole.RISK))
                .contains("differs: Risk: the model's recorded answer reads REJECT today, APPROVE was counted")
                .contains("differs: outcome: APPROVED_MODIFIED then, APPROVED now");
    }

    @Test
    void executions_rules_asked_again_on_the_desk_its_vote_saw_vote_as_they_did() {
        Path file = journal(RISK_APPROVES, PromptBook.versionOf(AgentRole.RISK), executionSaw(true));

        QuorumCli.Run run = replay(file, JournalSamples.PROPOSAL_ID.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("the same outcome, tally and terms");
    }

    @Test
    void a_rule_that_votes_otherwise_on_the_desk_its_vote_saw_shows_as_a_difference() {
        Path file = journal(RISK_APPROVES, PromptBook.versionOf(AgentRole.RISK), executionSaw(false));

        QuorumCli.Run run = replay(file, JournalSamples.PROPOSAL_ID.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("differs: Execution: its rules vote REJECT today on the desk it saw, APPROVE was counted"
                        + " (the market is closed; no order can be placed now)")
                .contains("differs: tally: 4 approve, 0 reject, 1 abstain then, 3 approve, 1 reject, 1 abstain now");
    }

    /**
     * What Execution saw voting on the samples' entry of 100 AAPL at $178.50: the market open (or
     * shut), a one-cent spread and an average day of 52 M shares. Execution's rules approve that.
     */
    private static JournalEvent.VoteSeen executionSaw(boolean marketOpen) {
        TechnicalView chart = new TechnicalView(Price.parse("178.50"), Price.parse("176.10"), Price.parse("172.40"), Price.parse("165.00"), new BigDecimal("61.4"),
                Price.parse("2.85"), new BigDecimal("1.2031"), new BigDecimal("0.9877"), Price.parse("180.20"), Price.parse("170.05"), 52_000_000, 31_000_000,
                Price.parse("177.90"));
        Tick tick = new Tick(JournalSamples.AAPL, JournalSamples.TIME.toEpochMilli(), 178_500_000, 178_495_000, 178_505_000, 300);
        SeenDesk.Exposure flat = new SeenDesk.Exposure(Money.ofDollars(100_000), 0, Money.ZERO, Money.ZERO, Money.ZERO);
        SeenDesk seen = marketOpen
                ? new SeenDesk(JournalSamples.AAPL, chart, null, null, null, Optional.of(tick), true, null, flat, List.of())
                : new SeenDesk(JournalSamples.AAPL, null, null, null, null, null, false, null, null, List.of());
        return new JournalEvent.VoteSeen(JournalSamples.PROPOSAL_ID, AgentRole.EXECUTION, JournalSamples.TIME, seen, null);
    }

    @Test
    void a_decision_the_journal_does_not_hold_is_said_so() {
        Path file = journal(RISK_APPROVES, PromptBook.versionOf(AgentRole.RISK));

        QuorumCli.Run run = replay(file, "00000000-0000-4000-8000-000000000000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no decision 00000000-0000-4000-8000-000000000000 in the journal");
    }

    private static QuorumCli.Run replay(Path file, String id) {
        return QuorumCli.run(Map.of(), "decisions", "replay", id, "--db", file.toString());
    }

    private Path journal(String riskAnswer, String riskPrompt, JournalEvent... seen) {
        Path file = directory.resolve("quorum.db");
        ReasonerCalled call = new ReasonerCalled(JournalSamples.PROPOSAL_ID, AgentRole.RISK, "openai-compatible", "llama3.1:8b", "llama3.1:8b",
                riskPrompt, "9f2c", 812, 64, 930, BigDecimal.ZERO, ReasonerCalled.Outcome.ANSWERED, false, riskAnswer);
        List<JournalEvent> events = new ArrayList<>(List.of(new JournalEvent.SessionOpened(JournalSamples.AAPL),
                new MessageJournaled(JournalSamples.message(JournalSamples.proposal(), AgentRole.TECHNICAL, 1)), call));
        events.addAll(List.of(seen));
        events.add(new MessageJournaled(JournalSamples.message(JournalSamples.decision(), AgentRole.ORCHESTRATOR, 2)));
        try (Database database = Database.openFile(file);
             JdbcJournal journal = new JdbcJournal(database, AuditKey.of("a test key, long enough".getBytes(StandardCharsets.UTF_8)), new ManualClock(JournalSamples.TIME))) {
            for (JournalEvent event : events) journal.append(JournalSamples.SESSION, event);
        }
        return file;
    }
}
