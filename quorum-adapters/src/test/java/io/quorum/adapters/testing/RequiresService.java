package io.quorum.adapters.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that talk to a real server ({@code "postgresql"}, {@code "redis"}). When the server
 * does not answer, the tests are skipped with a printed reason on a developer's machine, and fail
 * when the environment variable {@code CI=true}, so that CI never passes by skipping them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredServiceCheck.class)
public @interface RequiresService {
    /** The service's name; see {@link RequiredServiceCheck} for the known ones and their addresses. */
    String value();
}
