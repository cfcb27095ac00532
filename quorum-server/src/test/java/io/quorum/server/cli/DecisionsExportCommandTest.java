package io.quorum.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.json.QuorumJson;
import io.quorum.engine.journal.JournalEvent.MessageJournaled;
import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import io.quorum.server.cli.QuorumCli.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorum decisions export} on a SQLite journal of two sessions: the AAPL long of the journal
 * samples, approved with Risk's terms and filled, journaled on 14 March; an MSFT long rejected on
 * desk-msft on 17 March.
 */
class DecisionsExportCommandTest {
    static final SessionId MSFT_DESK = SessionId.of("desk-msft");

    @TempDir Path directory;
    private Path file;

    @BeforeEach
    void journalTwoSessions() {
        file = directory.resolve("quorum.db");
        ManualClock clock = new ManualClock(JournalSamples.TIME);
        List<JournalEvent> aapl = new ArrayList<>(JournalSamples.everyKindOfEvent());
        int proposalAt = 3;
        aapl.add(proposalAt + 1, new MessageJournaled(JournalSamples.message(JournalSamples.vote(), AgentRole.RISK, 8)));
        aapl.add(proposalAt + 2, new MessageJournaled(JournalSamples.message(JournalSamples.decision(), AgentRole.ORCHESTRATOR, 9)));
        try (Database database = Database.openFile(file);
             JdbcJournal journal = new JdbcJournal(database, AuditKey.of("a test key, long enough".getBytes(StandardCharsets.UTF_8)), clock)) {
            for (JournalEvent event : aapl) {
                journal.append(JournalSamples.SESSION, event);
                clock.advance(Duration.ofSeconds(1));
            }
            clock.advance(Duration.ofDays(3));
            Proposal msft = new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, Ticker.of("MSFT"), Direction.LONG, Size.shares(20),
                    Price.parse("410.00"), Price.parse("400.00"), null, null, "Cloud growth", "Open a long of 20 MSFT, at 410.00.");
            List<VoteRecord> votes = new ArrayList<>();
            for (AgentRole voter : AgentRole.VOTERS) {
                VoteChoice choice = voter == AgentRole.FUNDAMENTAL ? VoteChoice.APPROVE : VoteChoice.REJECT;
                votes.add(new VoteRecord(voter, choice, voter.displayName() + " says " + choice, null, true));
            }
            Decision rejected = new Decision(msft.id(), Outcome.REJECTED, new Tally(1, 4, 0, false, 3, 5), votes, msft, "no quorum", "REJECTED — 1 of 5 approved");
            journal.append(MSFT_DESK, new MessageJournaled(AgentMessage.draft(MSFT_DESK, AgentRole.FUNDAMENTAL, Recipients.all(), msft, clock.now()).sequenced(1)));
            journal.append(MSFT_DESK, new MessageJournaled(AgentMessage.draft(MSFT_DESK, AgentRole.ORCHESTRATOR, Recipients.all(), rejected, clock.now()).sequenced(2)));
        }
    }

    private Run export(String... more) {
        List<String> args = new ArrayList<>(List.of("decisions", "export", "--db", file.toString()));
        args.addAll(List.of(more));
        return QuorumCli.run(Map.of(), args.toArray(String[]::new));
    }

    private static List<String> rows(Run run) {
        return List.of(run.out().split("\r\n"));
    }

    @Test
    void csv_goes_to_stdout_one_row_per_decision_oldest_first() {
        Run run = export("--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> rows = rows(run);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("time,session,journal_seq,proposal_id,ticker,action,outcome,");
        assertThat(rows.get(1)).startsWith("2025-03-14T14:30:05Z,desk-aapl-1,6," + JournalSamples.PROPOSAL_ID + ",AAPL,OPEN_LONG,APPROVED_MODIFIED,4,0,1,false,3,")
                .contains(",100 shares,178.50,176.25,190.00,q-desk-aapl-1-0001,100,178.52,");
        assertThat(rows.get(2)).contains(",desk-msft,2,").contains(",MSFT,OPEN_LONG,REJECTED,1,4,0,false,3,20 shares,410.00,400.00,,,0,,");
    }

    @Test
    void json_is_one_array_of_complete_records() throws Exception {
        Run run = export("--format", "JSON", "--ticker", "aapl");

        JsonNode records = QuorumJson.mapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(records).hasSize(1);
        JsonNode aapl = records.get(0);
        assertThat(aapl.get("outcome").asText()).isEqualTo("APPROVED_MODIFIED");
        assertThat(aapl.at("/proposal/proposer").asText()).isEqualTo("TECHNICAL");
        assertThat(aapl.at("/proposal/terms/size/amount").asText()).isEqualTo("120");
        assertThat(aapl.at("/terms/size/amount").asText()).isEqualTo("100");
        assertThat(aapl.at("/votes/3/voter").asText()).isEqualTo("RISK");
        assertThat(aapl.at("/votes/3/text").asText()).isEqualTo(JournalSamples.vote().text());
        assertThat(aapl.at("/orders/0/clientOrderId").asText()).isEqualTo("q-desk-aapl-1-0001");
        assertThat(aapl.at("/orders/0/fills")).as("the placement's fill and the journaled fill are one").hasSize(1);
        assertThat(aapl.at("/averageFillPrice").asText()).isEqualTo("178.52");
    }

    @Test
    void filters_by_session_outcome_and_time_range() {
        assertThat(rows(export("--format", "csv", "--session", "desk-msft"))).hasSize(2).last().asString().contains(",MSFT,");
        assertThat(rows(export("--format", "csv", "--outcome", "approved,approved_modified"))).hasSize(2).last().asString().contains(",AAPL,");
        assertThat(rows(export("--format", "csv", "--from", "2025-03-15"))).hasSize(2).last().asString().contains(",MSFT,");
        assertThat(rows(export("--format", "csv", "--from", "2025-03-14T14:30:05Z", "--to", "2025-03-14T14:30:06Z"))).hasSize(2);
        assertThat(rows(export("--format", "csv", "--to", "2025-03-14T14:30:05Z"))).hasSize(1);
    }

    @Test
    void out_writes_the_file_and_says_so() throws Exception {
        Path target = directory.resolve("decisions.csv");

        Run run = export("--format", "csv", "--out", target.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("2 decisions written to " + target + System.lineSeparator());
        assertThat(Files.readString(target).split("\r\n")).hasSize(3);
    }

    @Test
    void exporting_reads_only_and_leaves_no_key_file_behind() {
        export("--format", "json");

        assertThat(directory.resolve("quorum.db.audit-key")).doesNotExist();
    }

    @Test
    void a_missing_format_or_an_unknown_one_is_a_usage_error() {
        Run missing = export();
        Run unknown = export("--format", "xml");

        assertThat(missing.err()).startsWith("Missing required option: '--format=csv|json'").contains("Usage: quorum decisions export");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Invalid value for option '--format': expected one of [csv, json], was xml");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }

    @Test
    void a_time_range_that_ends_before_it_starts_is_a_usage_error() {
        Run run = export("--format", "csv", "--from", "2025-03-15", "--to", "2025-03-14");

        assertThat(run.err()).startsWith("--to (2025-03-14T00:00:00Z) must be after --from (2025-03-15T00:00:00Z)").contains("Usage:");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void bad_filter_values_are_usage_errors() {
        assertThat(export("--format", "csv", "--outcome", "maybe").exitCode()).isEqualTo(2);
        assertThat(export("--format", "csv", "--ticker", "not a ticker").err()).startsWith("Invalid value for option '--ticker'");
        assertThat(export("--format", "csv", "--from", "yesterday").err()).startsWith("Invalid value for option '--from'");
    }

    @Test
    void a_missing_database_is_one_line_and_exit_two() {
        Run run = QuorumCli.run(Map.of(), "decisions", "export", "--format", "csv", "--db", directory.resolve("gone.db").toString());

        assertThat(run.err()).isEqualTo("quorum: no database at " + directory.resolve("gone.db") + System.lineSeparator());
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
