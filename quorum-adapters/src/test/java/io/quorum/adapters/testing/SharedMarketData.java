package io.quorum.adapters.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * The real market data files in {@code shared/data/market} beside the repository (found by walking
 * up from the working directory, or given by {@code -Dquorum.market.data=<folder>}); their README
 * asks that they stay there rather than be copied into the project. When the folder is absent the
 * test is skipped with a printed reason, unless {@code CI=true}, where it fails instead.
 */
public final class SharedMarketData {
    private SharedMarketData() {}

    public static Path file(String name) {
        Path folder = folder();
        Path file = folder == null ? null : folder.resolve(name);
        if (file != null && Files.isRegularFile(file)) return file;
        String reason = "real market data " + name + " not found in shared/data/market above " + Path.of("").toAbsolutePath();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so this is a failure, not a skip");
        }
        System.err.println("SKIPPED: " + reason + "; set -Dquorum.market.data=<folder> to run these tests (with CI=true they fail instead)");
        throw new TestAbortedException(reason);
    }

    private static Path folder() {
        String configured = System.getProperty("quorum.market.data");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("market");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }
}
