package io.quorum.server.cli;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.message.VoteRequest;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints the desk's conversation the way a trader reads it:
 * <pre>
 * 10:42:07 [Technical Agent]: ALERT - AAPL broke above its 200-day SMA ($178.50)
 * </pre>
 * with one colour per agent on a terminal, plain text otherwise.
 */
public final class ConversationPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String INDENT = "                   ";

    private final PrintStream out;
    private final boolean colour;
    private final ZoneId zone;

    public ConversationPrinter(PrintStream out, boolean colour, ZoneId zone) {
        this.out = out;
        this.colour = colour;
        this.zone = zone;
    }

    public synchronized void print(AgentMessage message) {
        String head = TIME.format(message.timestamp().atZone(zone)) + " " + paint(message.sender(), "[" + message.sender().displayName() + (message.sender() == AgentRole.ORCHESTRATOR ? "" : " Agent") + "]") + ": ";
        String body = switch (message.content()) {
            case Alert a -> "ALERT - " + a.text();
            case Question q -> "QUESTION - " + q.text();
            case Update u -> (u.kind() == Update.UpdateKind.TRADE_EXECUTED ? "TRADE EXECUTED - " : u.kind() == Update.UpdateKind.REASONING ? "" : "UPDATE - ") + u.text();
            case Proposal p -> "PROPOSAL - " + p.text() + "\n" + INDENT + "Rationale: " + p.rationale();
            case VoteRequest r -> r.text();
            case Vote v -> "VOTE - " + v.text();
            case Decision d -> decision(d);
        };
        out.println(head + body);
    }

    /** A line of the desk's own, e.g. a position update or the summary. */
    public synchronized void note(String line) {
        out.println(colour ? "\u001B[2m" + line + RESET : line);
    }

    private String decision(Decision d) {
        StringBuilder text = new StringBuilder(colour ? BOLD : "").append("DECISION - ").append(d.text()).append(colour ? RESET : "");
        for (VoteRecord vote : d.votes()) {
            text.append('\n').append(INDENT).append(vote.voter().displayName()).append(": ").append(vote.choice())
                    .append(vote.received() ? "" : " (no answer)").append(" — ").append(vote.reason());
        }
        return text.toString();
    }

    private String paint(AgentRole role, String text) {
        if (!colour) return text;
        String code = switch (role) {
            case TECHNICAL -> "\u001B[36m";
            case FUNDAMENTAL -> "\u001B[33m";
            case SENTIMENT -> "\u001B[35m";
            case RISK -> "\u001B[31m";
            case EXECUTION -> "\u001B[32m";
            case ORCHESTRATOR -> "\u001B[1;37m";
        };
        return code + text + RESET;
    }
}
