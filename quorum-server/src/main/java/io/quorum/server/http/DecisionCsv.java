package io.quorum.server.http;

import io.quorum.server.api.DecisionEntry;
import java.util.List;

/** Decisions as a spreadsheet reads them: one row per decision, RFC 4180 quoting. */
final class DecisionCsv {
    private static final String HEADER = "seq,time,proposalId,ticker,action,outcome,approvals,rejections,abstentions,vetoed,quorum,text";

    private DecisionCsv() {}

    static String write(List<DecisionEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (DecisionEntry entry : entries) {
            csv.append(entry.seq()).append(',')
                    .append(entry.time()).append(',')
                    .append(quote(entry.proposalId())).append(',')
                    .append(quote(entry.ticker())).append(',')
                    .append(entry.action()).append(',')
                    .append(entry.outcome()).append(',')
                    .append(entry.tally().approvals()).append(',')
                    .append(entry.tally().rejections()).append(',')
                    .append(entry.tally().abstentions()).append(',')
                    .append(entry.tally().vetoed()).append(',')
                    .append(entry.tally().quorum()).append(',')
                    .append(quote(entry.text())).append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes always, doubling inner quotes; a leading formula character is defused for spreadsheets. */
    private static String quote(String value) {
        if (value == null) return "";
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
