package io.quorum.server.cli;

import io.quorum.adapters.jdbc.AuditReport;
import io.quorum.adapters.jdbc.AuditVerifier;
import io.quorum.adapters.jdbc.Database;
import io.quorum.engine.message.SessionId;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quorum audit verify}: recomputes the journal's hash chain with the audit key and names the
 * first entry that was edited, removed or reordered.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies the journal's hash chain: every entry, in order, against the audit key ($QUORUM_AUDIT_KEY, or the key file beside the database).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the journal is intact", "1:an entry was edited, removed or reordered", "2:bad arguments, or the database or audit key cannot be used"})
public final class AuditVerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Option(names = "--session", paramLabel = "<id>", converter = CliConverters.SessionIdConverter.class,
            description = "Verify only this session (default: every session).")
    SessionId session;

    private final Map<String, String> environment;

    public AuditVerifyCommand() { this(System.getenv()); }

    AuditVerifyCommand(Map<String, String> environment) { this.environment = Objects.requireNonNull(environment, "environment"); }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return database.run(environment, spec.commandLine().getErr(), opened -> {
            AuditReport report = verify(opened);
            if (session != null && report.intact() && report.entriesChecked() == 0) {
                throw new CommandFailure("no journal for session " + session + " in " + opened);
            }
            if (report.intact()) {
                out.println("OK: " + count(report.entriesChecked(), "entry", "entries") + " in " + count(report.sessionsChecked(), "session", "sessions") + " verified");
                out.flush();
                return ExitStatus.OK;
            }
            AuditReport.Break first = report.firstBreak().orElseThrow();
            out.println("BROKEN: " + first.where() + ": " + first.problem() + " - " + first.detail());
            out.println(count(report.breaks().size(), "session", "sessions") + " of " + report.sessionsChecked()
                    + " damaged; " + count(report.entriesChecked(), "entry", "entries") + " verified before the first break of each");
            out.flush();
            return ExitStatus.FAULT_FOUND;
        });
    }

    private AuditReport verify(Database opened) {
        AuditVerifier verifier = new AuditVerifier(opened, DatabaseOption.existingAuditKey(opened, environment), opened.defaultAnchorFile());
        return session == null ? verifier.verify() : verifier.verify(session);
    }

    private static String count(long n, String one, String many) { return n + " " + (n == 1 ? one : many); }
}
