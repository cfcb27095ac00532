package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.llm.PromptBook;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void a_decision_the_journal_does_not_hold_is_said_so() {
        Path file = journal(RISK_APPROVES, PromptBook.versionOf(AgentRole.RISK));

        QuorumCli.Run run = replay(file, "00000000-0000-4000-8000-000000000000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no decision 00000000-0000-4000-8000-000000000000 in the journal");
    }

    private static QuorumCli.Run replay(Path file, String id) {
        return QuorumCli.run(Map.of(), "decisions", "replay", id, "--db", file.toString());
    }

    private Path journal(String riskAnswer, String riskPrompt) {
        Path file = directory.resolve("quorum.db");
        ReasonerCalled call = new ReasonerCalled(JournalSamples.PROPOSAL_ID, AgentRole.RISK, "openai-compatible", "llama3.1:8b", "llama3.1:8b",
                riskPrompt, "9f2c", 812, 64, 930, BigDecimal.ZERO, ReasonerCalled.Outcome.ANSWERED, false, riskAnswer);
        List<JournalEvent> events = List.of(new JournalEvent.SessionOpened(JournalSamples.AAPL),
                new MessageJournaled(JournalSamples.message(JournalSamples.proposal(), AgentRole.TECHNICAL, 1)), call,
                new MessageJournaled(JournalSamples.message(JournalSamples.decision(), AgentRole.ORCHESTRATOR, 2)));
        try (Database database = Database.openFile(file);
             JdbcJournal journal = new JdbcJournal(database, AuditKey.of("a test key, long enough".getBytes(StandardCharsets.UTF_8)), new ManualClock(JournalSamples.TIME))) {
            for (JournalEvent event : events) journal.append(JournalSamples.SESSION, event);
        }
        return file;
    }
}
