package io.quorum.bench;

import io.quorum.bench.alpaca.AlpacaStreamDecoding;
import io.quorum.bench.backtest.BacktestThroughput;
import io.quorum.bench.bus.BusHopLatency;
import io.quorum.bench.bus.RedisHopLatency;
import io.quorum.bench.consensus.DecisionRoundLatency;
import io.quorum.bench.consensus.ModelDecisionLatency;
import io.quorum.bench.journal.JournalCommitThroughput;
import io.quorum.bench.position.DeskExitLatency;
import io.quorum.bench.portfolio.PortfolioVarScenario;
import io.quorum.bench.position.PositionTickScenario;
import io.quorum.bench.soak.SoakRun;
import io.quorum.bench.server.WebSocketFanOutLatency;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar quorum-bench.jar [--quick|--full] [S1 ...]}: runs the named scenarios (all by
 * default) and prints the machine they ran on, then one table of figures. Quick is the default.
 */
public final class BenchCommand {
    /** Every scenario, in the order they run. Add new ones here. */
    private static final List<Scenario> SCENARIOS = List.of(
            new BusHopLatency(),
            new RedisHopLatency(),
            new DecisionRoundLatency(),
            new ModelDecisionLatency(),
            new PositionTickScenario(),
            new DeskExitLatency(),
            new WebSocketFanOutLatency(),
            new JournalCommitThroughput(),
            new AlpacaStreamDecoding(),
            new BacktestThroughput(),
            new PortfolioVarScenario());

    /** Scenarios that run only when named: too long for the default run. */
    private static final List<Scenario> ON_REQUEST = List.of(new SoakRun());

    private BenchCommand() {}

    public static void main(String[] args) throws Exception {
        Scenario.Mode mode = Scenario.Mode.QUICK;
        List<Scenario> chosen = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> mode = Scenario.Mode.QUICK;
                case "--full" -> mode = Scenario.Mode.FULL;
                case "-h", "--help" -> {
                    printUsage();
                    return;
                }
                default -> {
                    Scenario scenario = find(arg);
                    if (scenario == null) {
                        System.err.println("unknown scenario or option: " + arg);
                        printUsage();
                        System.exit(2);
                    }
                    chosen.add(scenario);
                }
            }
        }
        if (chosen.isEmpty()) chosen.addAll(SCENARIOS);

        printMachine(mode);
        List<Scenario.Figure> figures = new ArrayList<>();
        for (Scenario scenario : chosen) {
            System.out.println("running " + scenario.id() + ": " + scenario.title() + " ...");
            figures.addAll(scenario.run(mode));
        }
        System.out.println();
        printTable(figures);
    }

    private static Scenario find(String id) {
        for (Scenario scenario : SCENARIOS) {
            if (scenario.id().equalsIgnoreCase(id)) return scenario;
        }
        for (Scenario scenario : ON_REQUEST) {
            if (scenario.id().equalsIgnoreCase(id)) return scenario;
        }
        return null;
    }

    private static void printUsage() {
        System.out.println("usage: quorum-bench [--quick|--full] [scenario ...]");
        for (Scenario scenario : SCENARIOS) System.out.println("  " + scenario.id() + "  " + scenario.title());
        for (Scenario scenario : ON_REQUEST) System.out.println("  " + scenario.id() + "  " + scenario.title() + " (only when named)");
    }

    private static void printMachine(Scenario.Mode mode) {
        Runtime runtime = Runtime.getRuntime();
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) collectors.add(gc.getName());
        System.out.println("Quorum bench, " + mode.name().toLowerCase(Locale.ROOT) + " mode");
        System.out.println("JVM:        " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version());
        System.out.println("GC:         " + String.join(", ", collectors));
        System.out.println("processors: " + runtime.availableProcessors() + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB");
        System.out.println("OS:         " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        System.out.println();
    }

    private static void printTable(List<Scenario.Figure> figures) {
        String[] headings = {"scenario", "subject", "metric", "value", "target"};
        int[] widths = new int[headings.length];
        for (int c = 0; c < headings.length; c++) widths[c] = headings[c].length();
        for (Scenario.Figure figure : figures) {
            String[] cells = cells(figure);
            for (int c = 0; c < cells.length; c++) widths[c] = Math.max(widths[c], cells[c].length());
        }
        printRow(headings, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) rule.append("-".repeat(width)).append("  ");
        System.out.println(rule.toString().stripTrailing());
        for (Scenario.Figure figure : figures) printRow(cells(figure), widths);
    }

    private static String[] cells(Scenario.Figure figure) {
        return new String[] {figure.scenario(), figure.subject(), figure.metric(), figure.value(), figure.target()};
    }

    private static void printRow(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean numeric = c == 3;
            line.append(numeric ? pad(cells[c], widths[c], true) : pad(cells[c], widths[c], false)).append("  ");
        }
        System.out.println(line.toString().stripTrailing());
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }
}
