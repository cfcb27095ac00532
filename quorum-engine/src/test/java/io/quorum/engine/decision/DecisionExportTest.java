package io.quorum.engine.decision;

import static io.quorum.engine.message.AgentRole.FUNDAMENTAL;
import static io.quorum.engine.message.AgentRole.TECHNICAL;
import static io.quorum.engine.message.VoteChoice.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.journal.JournalEvent.OrderFilled;
import io.quorum.engine.journal.JournalEvent.OrderIntended;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderRequest;
import io.quorum.engine.order.Side;
import io.quorum.engine.store.InMemoryJournal;
import io.quorum.engine.time.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionExportTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-14T14:30:00Z"));
    private final InMemoryJournal journal = new InMemoryJournal(clock);
    private final DeskTranscript desk = new DeskTranscript(journal, clock, SessionId.of("desk-1"));

    private List<DecisionRecord> records() { return new DecisionLog(journal).findAll(DecisionQuery.any()); }

    private Proposal approvedAndFilled(String decisionText) {
        Proposal proposal = DeskTranscript.longProposal("AAPL", 100, "178.50", "175.00", null);
        desk.propose(TECHNICAL, proposal);
        desk.vote(FUNDAMENTAL, proposal, APPROVE, "cheap, \"really\" cheap");
        desk.decide(proposal, Outcome.APPROVED, decisionText, APPROVE, APPROVE, APPROVE, null, null);
        ClientOrderId id = DecisionLog.decisionOrderId(proposal.id());
        desk.record(new OrderIntended(OrderRequest.market(id, Ticker.of("AAPL"), Side.BUY, 100), proposal.id(), "decision APPROVED"));
        desk.record(new OrderFilled(new Fill("f-1", id, Ticker.of("AAPL"), Side.BUY, 100, Price.parse("178.52"), Money.parse("1.00"), clock.now())));
        return proposal;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text             | plain text",
            "a, b                   | `\"a, b\"`",
            "said \"hold\"          | `\"said \"\"hold\"\"\"`",
            "`two\nlines`           | `\"two\nlines\"`",
            "`carriage\rreturn`     | `\"carriage\rreturn\"`",
            "``                     | ``"})
    void csv_fields_are_quoted_as_rfc_4180_says(String field, String written) {
        assertThat(DecisionExport.csvField(field)).isEqualTo(written);
    }

    @Test
    void csv_has_a_header_and_one_crlf_line_per_decision() {
        Proposal proposal = approvedAndFilled("APPROVED — 3 of 5, \"go\"");

        String csv = DecisionExport.export(records(), ExportFormat.CSV);

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "time,session,journal_seq,proposal_id,ticker,action,outcome,approvals,rejections,abstentions,vetoed,quorum,"
                        + "size,entry,stop,target,order_ids,filled_quantity,average_fill_price,text",
                "2025-03-14T14:30:02Z,desk-1,3," + proposal.id() + ",AAPL,OPEN_LONG,APPROVED,3,0,2,false,3,"
                        + "100 shares,178.50,175.00,,q-" + proposal.id() + ",100,178.52,\"APPROVED — 3 of 5, \"\"go\"\"\"",
                "");
    }

    @Test
    void a_text_a_spreadsheet_would_run_as_a_formula_is_defused() {
        approvedAndFilled("=HYPERLINK(\"http://evil\")");

        String csv = DecisionExport.export(records(), ExportFormat.CSV);

        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n");
    }

    @Test
    void no_decisions_export_as_a_header_or_an_empty_array() {
        assertThat(DecisionExport.export(List.of(), ExportFormat.CSV)).isEqualTo(String.join(",", DecisionExport.CSV_COLUMNS) + "\r\n");
        assertThat(DecisionExport.export(List.of(), ExportFormat.JSON)).isEqualTo("[\n]\n");
    }

    @Test
    void json_holds_the_whole_record_with_text_escaped() {
        Proposal proposal = approvedAndFilled("APPROVED\n\"go\"");

        String json = DecisionExport.export(records(), ExportFormat.JSON);

        assertThat(json).startsWith("[\n{\"session\":\"desk-1\",\"journalSeq\":3,\"time\":\"2025-03-14T14:30:02Z\",\"proposalId\":\"" + proposal.id() + "\"")
                .contains("\"text\":\"APPROVED\\n\\\"go\\\"\"")
                .contains("\"tally\":{\"approvals\":3,\"rejections\":0,\"abstentions\":2,\"vetoed\":false,\"quorum\":3,\"voters\":5}")
                .contains("\"proposal\":{\"proposer\":\"TECHNICAL\",\"messageSeq\":1,\"terms\":{\"action\":\"OPEN_LONG\"")
                .contains("\"size\":{\"unit\":\"SHARES\",\"amount\":\"100\"},\"entry\":\"178.50\",\"stop\":\"175.00\",\"target\":null")
                .contains("{\"voter\":\"FUNDAMENTAL\",\"choice\":\"APPROVE\",\"reason\":\"Fundamental says APPROVE\",\"received\":true,"
                        + "\"text\":\"Fundamental: APPROVE, cheap, \\\"really\\\" cheap\",\"modification\":null}")
                .contains("\"fills\":[{\"fillId\":\"f-1\",\"side\":\"BUY\",\"quantity\":100,\"price\":\"178.52\",\"commission\":\"1.00\"")
                .endsWith("\"filledQuantity\":100,\"averageFillPrice\":\"178.52\"}\n]\n");
    }

    @Test
    void json_separates_records_with_commas_one_per_line() {
        approvedAndFilled("first");
        approvedAndFilled("second");

        String json = DecisionExport.export(records(), ExportFormat.JSON);

        assertThat(json.lines().toList()).hasSize(4);
        assertThat(json.lines().toList().get(1)).startsWith("{").endsWith("},");
        assertThat(json.lines().toList().get(2)).startsWith("{").endsWith("}");
    }
}
