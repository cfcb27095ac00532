package io.quorum.engine.decision;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import io.quorum.engine.order.Fill;
import io.quorum.engine.order.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes decision records as a file a trader takes away: CSV for a spreadsheet, one row per
 * decision; JSON for a program, every record complete. Prices and money are decimal text
 * ({@code 178.50}), times ISO-8601 instants, as on the wire.
 */
public final class DecisionExport {
    private static final String CRLF = "\r\n";
    static final List<String> CSV_COLUMNS = List.of(
            "time", "session", "journal_seq", "proposal_id", "ticker", "action", "outcome",
            "approvals", "rejections", "abstentions", "vetoed", "quorum",
            "size", "entry", "stop", "target", "order_ids", "filled_quantity", "average_fill_price", "text");

    private DecisionExport() {}

    public static String export(List<DecisionRecord> records, ExportFormat format) {
        Objects.requireNonNull(records, "records");
        return switch (Objects.requireNonNull(format, "format")) {
            case CSV -> csv(records);
            case JSON -> json(records);
        };
    }

    private static String csv(List<DecisionRecord> records) {
        StringBuilder out = new StringBuilder();
        csvLine(out, CSV_COLUMNS.toArray(String[]::new));
        for (DecisionRecord record : records) {
            Proposal terms = record.terms();
            Tally tally = record.tally();
            List<String> orderIds = new ArrayList<>();
            for (ClientOrderId id : record.orderIds()) orderIds.add(id.value());
            csvLine(out, record.time().toString(), record.session().value(), Long.toString(record.journalSeq()), record.proposalId().toString(),
                    terms.ticker().symbol(), terms.action().name(), record.outcome().name(),
                    Integer.toString(tally.approvals()), Integer.toString(tally.rejections()), Integer.toString(tally.abstentions()),
                    Boolean.toString(tally.vetoed()), Integer.toString(tally.quorum()),
                    terms.size().toString(), text(terms.entry()), text(terms.stop()), text(terms.target()),
                    String.join(" ", orderIds), Long.toString(record.filledQuantity()),
                    record.averageFillPrice().map(Price::toString).orElse(null), spreadsheetSafe(record.decision().text()));
        }
        return out.toString();
    }

    /** One CSV record; a null field is left empty. */
    private static void csvLine(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) out.append(',');
            if (fields[i] != null) out.append(csvField(fields[i]));
        }
        out.append(CRLF);
    }

    /** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
    static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Free text that a spreadsheet would run as a formula (starting with =, +, -, @ or a control
     * character) is prefixed with an apostrophe: agents' words, a model's included, are not trusted
     * to be harmless once opened in Excel.
     */
    static String spreadsheetSafe(String text) {
        if (text.isEmpty()) return text;
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }

    private static String json(List<DecisionRecord> records) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < records.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(jsonRecord(records.get(i)));
        }
        return out.append("\n]\n").toString();
    }

    private static String jsonRecord(DecisionRecord record) {
        JsonText json = new JsonText().beginObject()
                .name("session").value(record.session().value())
                .name("journalSeq").literal(record.journalSeq())
                .name("time").value(record.time().toString())
                .name("proposalId").value(record.proposalId().toString())
                .name("ticker").value(record.ticker().symbol())
                .name("outcome").value(record.outcome().name())
                .name("reason").value(record.decision().reason())
                .name("text").value(record.decision().text());
        Tally tally = record.tally();
        json.name("tally").beginObject()
                .name("approvals").literal(tally.approvals())
                .name("rejections").literal(tally.rejections())
                .name("abstentions").literal(tally.abstentions())
                .name("vetoed").literal(tally.vetoed())
                .name("quorum").literal(tally.quorum())
                .name("voters").literal(tally.voters())
                .endObject();
        json.name("terms");
        terms(json, record.terms());
        json.name("proposal");
        AgentMessage proposal = record.proposalMessage();
        if (proposal == null) json.literal("null");
        else {
            terms(json.beginObject().name("proposer").value(proposal.sender().name()).name("messageSeq").literal(proposal.seq())
                    .name("terms"), (Proposal) proposal.content());
            json.endObject();
        }
        json.name("votes").beginArray();
        for (RecordedVote vote : record.votes()) {
            json.beginObject().name("voter").value(vote.voter().name()).name("choice").value(vote.choice().name())
                    .name("reason").value(vote.reason()).name("received").literal(vote.received()).name("text").value(vote.text())
                    .name("modification");
            modification(json, vote.modification());
            json.endObject();
        }
        json.endArray().name("orders").beginArray();
        for (OrderTrail order : record.orders()) order(json, order);
        json.endArray()
                .name("filledQuantity").literal(record.filledQuantity())
                .name("averageFillPrice").value(record.averageFillPrice().map(Price::toString).orElse(null));
        return json.endObject().toString();
    }

    private static void terms(JsonText json, Proposal terms) {
        json.beginObject()
                .name("action").value(terms.action().name())
                .name("ticker").value(terms.ticker().symbol())
                .name("direction").value(terms.direction().name());
        json.name("size");
        size(json, terms.size());
        json.name("entry").value(text(terms.entry()))
                .name("stop").value(text(terms.stop()))
                .name("target").value(text(terms.target()))
                .name("trailingStopPct").value(text(terms.trailingStopPct()))
                .name("rationale").value(terms.rationale())
                .name("text").value(terms.text())
                .endObject();
    }

    private static void size(JsonText json, Size size) {
        if (size == null) json.literal("null");
        else json.beginObject().name("unit").value(size.unit().name()).name("amount").value(size.amount().toPlainString()).endObject();
    }

    private static void modification(JsonText json, Modification modification) {
        if (modification == null) {
            json.literal("null");
            return;
        }
        json.beginObject().name("size");
        size(json, modification.size());
        json.name("stop").value(text(modification.stop())).name("target").value(text(modification.target())).endObject();
    }

    private static void order(JsonText json, OrderTrail order) {
        json.beginObject().name("clientOrderId").value(order.clientOrderId().value());
        OrderRequest request = order.request();
        json.name("request");
        if (request == null) json.literal("null");
        else json.beginObject()
                .name("side").value(request.side().name())
                .name("quantity").literal(request.quantity())
                .name("type").value(request.type().name())
                .name("limitPrice").value(text(request.limitPrice()))
                .name("stopPrice").value(text(request.stopPrice()))
                .endObject();
        json.name("intention").value(order.intention())
                .name("brokerOrderId").value(order.brokerOrderId())
                .name("status").value(order.status() == null ? null : order.status().name())
                .name("rejectReason").value(order.rejectReason() == null ? null : order.rejectReason().name())
                .name("rejectDetail").value(order.rejectDetail())
                .name("fills").beginArray();
        for (Fill fill : order.fills()) {
            json.beginObject()
                    .name("fillId").value(fill.fillId())
                    .name("side").value(fill.side().name())
                    .name("quantity").literal(fill.quantity())
                    .name("price").value(fill.price().toString())
                    .name("commission").value(text(fill.commission()))
                    .name("time").value(fill.time().toString())
                    .endObject();
        }
        json.endArray()
                .name("filledQuantity").literal(order.filledQuantity())
                .name("averageFillPrice").value(order.averageFillPrice().map(Price::toString).orElse(null))
                .endObject();
    }

    private static String text(Price price) { return price == null ? null : price.toString(); }

    /** Exact to the micro-dollar, at least two decimals, as the wire writes money. */
    private static String text(Money money) {
        BigDecimal value = money.toBigDecimal().stripTrailingZeros();
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }

    private static String text(BigDecimal decimal) { return decimal == null ? null : decimal.toPlainString(); }
}
