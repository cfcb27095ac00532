package io.quorum.server.cli;

import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.adapters.llm.PromptBook;
import io.quorum.adapters.llm.SchemaReading;
import io.quorum.adapters.llm.VoteSchema;
import io.quorum.engine.agent.RulesAgain;
import io.quorum.engine.decision.DecisionReplay;
import io.quorum.engine.journal.JournalEntry;
import io.quorum.engine.journal.JournalEvent.ReasonerCalled;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.time.SystemClock;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quorum decisions replay DECISION_ID}: decides a journaled proposal again, from its recorded
 * votes, the models' recorded answers read as today's code reads them, and the desk each rules vote
 * saw, on which today's rules are asked again, under today's decision rule and prompts ({@link DecisionReplay}). Prints both outcomes and every difference.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Decides a journaled proposal again from the journal (the models' recorded answers, the desk each vote saw) and shows what differs today.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the same outcome, tally and terms", "1:something differs", "2:bad arguments, the database cannot be used, or no such decision"})
public final class DecisionsReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Parameters(index = "0", paramLabel = "DECISION_ID", description = "The proposal id of the decision (as in decisions export).")
    String decisionId;

    private final Map<String, String> environment;

    public DecisionsReplayCommand() { this(System.getenv()); }

    DecisionsReplayCommand(Map<String, String> environment) { this.environment = Objects.requireNonNull(environment, "environment"); }

    @Override public Integer call() {
        ProposalId id;
        try {
            id = ProposalId.parse(decisionId.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new ParameterException(spec.commandLine(), "DECISION_ID: \"" + decisionId + "\" is not a proposal id (a UUID)");
        }
        DecisionReplay replay = new DecisionReplay(DecisionsReplayCommand::readToday, PromptBook.versions(), new RulesAgain());
        return database.run(environment, spec.commandLine().getErr(), opened -> {
            try (JdbcJournal journal = new JdbcJournal(opened, DecisionsExportCommand.readOnlyKey(), SystemClock.INSTANCE)) {
                for (SessionId session : journal.sessions()) {
                    List<JournalEntry> entries = journal.read(session, 0, Integer.MAX_VALUE);
                    Optional<DecisionReplay.Replayed> replayed = replay.replay(entries, id);
                    if (replayed.isPresent()) return print(session, replayed.get());
                }
            }
            spec.commandLine().getErr().println("quorum: no decision " + id + " in the journal");
            return ExitStatus.CANNOT_RUN;
        });
    }

    private static Optional<VoteAnswer> readToday(ReasonerCalled call) {
        return VoteSchema.read(call.raw(), call.role()) instanceof SchemaReading.Valid<VoteAnswer> valid ? Optional.of(valid.answer()) : Optional.empty();
    }

    private int print(SessionId session, DecisionReplay.Replayed replayed) {
        PrintWriter out = spec.commandLine().getOut();
        var recorded = replayed.recorded();
        out.println("Decision " + recorded.proposalId() + " (session " + session + "): " + recorded.terms().text());
        out.println("  recorded: " + recorded.outcome() + ", " + DecisionReplay.describe(recorded.tally()));
        out.println("  replayed: " + (replayed.outcome() == null ? "undecided" : replayed.outcome()) + ", " + DecisionReplay.describe(replayed.tally()));
        for (VoteRecord vote : recorded.votes()) {
            out.println("    " + vote.voter().displayName() + ": " + (vote.received() ? vote.choice() + " — " + vote.reason() : "no vote counted"));
        }
        if (replayed.same()) {
            out.println("  the same outcome, tally and terms");
        } else {
            for (String difference : replayed.differences()) out.println("  differs: " + difference);
        }
        out.flush();
        return replayed.same() ? ExitStatus.OK : ExitStatus.FAULT_FOUND;
    }
}
