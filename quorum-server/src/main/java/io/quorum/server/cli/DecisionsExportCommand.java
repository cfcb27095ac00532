package io.quorum.server.cli;

import io.quorum.adapters.jdbc.AuditKey;
import io.quorum.adapters.jdbc.Database;
import io.quorum.adapters.jdbc.JdbcJournal;
import io.quorum.engine.decision.DecisionExport;
import io.quorum.engine.decision.DecisionLog;
import io.quorum.engine.decision.DecisionQuery;
import io.quorum.engine.decision.DecisionRecord;
import io.quorum.engine.decision.ExportFormat;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.time.SystemClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code quorum decisions export}: the decision log, filtered, as CSV or JSON on stdout or in a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the desk's decisions, each with its proposal, votes, orders and fills.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:exported", "2:bad arguments, or the database or output file cannot be used"})
public final class DecisionsExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Option(names = "--format", required = true, paramLabel = "csv|json", converter = CliConverters.FormatConverter.class,
            description = "csv: one row per decision (RFC 4180); json: every record complete.")
    ExportFormat format;

    @Option(names = "--session", paramLabel = "<id>", converter = CliConverters.SessionIdConverter.class, description = "Only this session.")
    SessionId session;

    @Option(names = "--ticker", paramLabel = "<symbol>", converter = CliConverters.TickerConverter.class, description = "Only decisions on this ticker.")
    Ticker ticker;

    @Option(names = "--outcome", paramLabel = "<outcome>", split = ",", converter = CliConverters.OutcomeConverter.class,
            description = "Only these outcomes, comma-separated: approved, approved_modified, rejected, vetoed, timed_out, cancelled.")
    List<Outcome> outcomes = List.of();

    @Option(names = "--from", paramLabel = "<ISO time>", converter = CliConverters.InstantConverter.class,
            description = "Decisions at or after this instant (2025-03-14T14:30:00Z) or date (UTC midnight).")
    Instant from;

    @Option(names = "--to", paramLabel = "<ISO time>", converter = CliConverters.InstantConverter.class,
            description = "Decisions before this instant or date (exclusive).")
    Instant to;

    @Option(names = "--out", paramLabel = "<file>", description = "Write to this file instead of stdout.")
    Path out;

    private final Map<String, String> environment;

    public DecisionsExportCommand() { this(System.getenv()); }

    DecisionsExportCommand(Map<String, String> environment) { this.environment = Objects.requireNonNull(environment, "environment"); }

    @Override public Integer call() {
        DecisionQuery query = query();
        return database.run(environment, spec.commandLine().getErr(), opened -> {
            List<DecisionRecord> records;
            try (JdbcJournal journal = new JdbcJournal(opened, readOnlyKey(), SystemClock.INSTANCE)) {
                records = new DecisionLog(journal).findAll(query);
            }
            write(DecisionExport.export(records, format), records.size());
            return ExitStatus.OK;
        });
    }

    private DecisionQuery query() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(spec.commandLine(), "--to (" + to + ") must be after --from (" + from + ")");
        }
        return DecisionQuery.any().withSession(session).withTicker(ticker)
                .withOutcomes(outcomes.isEmpty() ? Set.of() : EnumSet.copyOf(outcomes)).withTimeRange(from, to);
    }

    /**
     * The key chains appends; an export only reads, so it takes a throwaway key rather than touching
     * (or creating) the desk's key file.
     */
    static AuditKey readOnlyKey() {
        byte[] unused = new byte[32];
        new SecureRandom().nextBytes(unused);
        return AuditKey.of(unused);
    }

    private void write(String text, int count) {
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + out.toAbsolutePath() + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println(count + (count == 1 ? " decision" : " decisions") + " written to " + out.toAbsolutePath());
        spec.commandLine().getOut().flush();
    }
}
