package io.quorum.engine.market.signal;

import io.quorum.engine.market.Bar;
import io.quorum.engine.market.ExchangeCalendar;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.port.MarketDataFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Real daily bars published by Yahoo Finance, read from the project's shared market data
 * ({@code shared/data/market}, which lies beside the repository on every development machine
 * and in CI; its README asks that the files stay there rather than be copied into the
 * project). The folder is found by walking up from the working directory, or given by the
 * system property {@code quorum.market.data}. A test class that reads it is marked
 * {@link RequiresMarketData}, so that a clone without the folder skips it visibly.
 */
public final class RealDailyBars {
    private RealDailyBars() {}

    /** Reads a {@code Date,Open,High,Low,Close,...,Volume} file (the Volume is the last column). */
    public static List<Bar> load(String fileName, Ticker ticker) {
        Path file = dataFolder().resolve(fileName);
        try {
            List<String> lines = Files.readAllLines(file);
            List<Bar> bars = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                LocalDate date = LocalDate.parse(cells[0]);
                long open = micros(cells[1]);
                long high = micros(cells[2]);
                long low = micros(cells[3]);
                long close = micros(cells[4]);
                long volume = Long.parseLong(cells[cells.length - 1].trim());
                bars.add(new Bar(ticker, ExchangeCalendar.NYSE.sessionOpen(date), MarketDataFeed.DAILY, open,
                        Math.max(high, Math.max(open, close)), Math.min(low, Math.min(open, close)), close, volume));
            }
            return bars;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read real market data " + file, unreadable);
        }
    }

    private static long micros(String dollars) {
        return new BigDecimal(dollars.trim()).setScale(6, RoundingMode.HALF_EVEN).movePointRight(6).longValueExact();
    }

    private static Path dataFolder() {
        return findDataFolder().orElseThrow(() -> new IllegalStateException(missing()));
    }

    private static Optional<Path> findDataFolder() {
        String configured = System.getProperty("quorum.market.data");
        if (configured != null) return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("market");
            if (Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static String missing() {
        String configured = System.getProperty("quorum.market.data");
        return configured != null ? "the market data folder " + configured + " (-Dquorum.market.data) does not exist"
                : "shared/data/market not found above " + Path.of("").toAbsolutePath() + "; set -Dquorum.market.data=<folder>";
    }

    /**
     * Runs before a {@link RequiresMarketData} class is initialised, so before its bars are read:
     * skips it with a printed reason when the folder is absent, or fails it when {@code CI=true}.
     */
    static final class FolderCheck implements BeforeAllCallback {
        @Override public void beforeAll(ExtensionContext context) {
            if (findDataFolder().isPresent()) return;
            String reason = missing() + " (needed by " + context.getRequiredTestClass().getSimpleName() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; CI=true, so this is a failure, not a skip");
            }
            System.err.println("SKIPPED: " + reason + "; with CI=true this fails instead");
            throw new TestAbortedException(reason);
        }
    }
}
