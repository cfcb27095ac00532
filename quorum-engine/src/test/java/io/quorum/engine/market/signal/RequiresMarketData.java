package io.quorum.engine.market.signal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that read the shared market data through {@link RealDailyBars}. Where the folder is
 * absent (a fresh clone with nothing beside it) the tests are skipped with a printed reason, and
 * they fail when the environment variable {@code CI=true}, so that CI never passes by skipping them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealDailyBars.FolderCheck.class)
public @interface RequiresMarketData {}
