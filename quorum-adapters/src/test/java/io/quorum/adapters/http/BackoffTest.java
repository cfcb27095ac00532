package io.quorum.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "retry {0} waits between {1} and {2} ms")
    @CsvSource(textBlock = """
            1,  500,  1000
            2, 1000,  2000
            3, 2000,  4000
            6, 4000,  8000
            40, 4000, 8000
            """)
    void each_retry_waits_between_half_and_all_of_a_doubling_step_capped_at_the_maximum(int attempt, long atLeast, long atMost) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), new SplittableRandom(7));

        for (int draw = 0; draw < 200; draw++) {
            assertThat(backoff.delay(attempt).toMillis()).isBetween(atLeast, atMost);
        }
    }

    @ParameterizedTest(name = "retry {0}")
    @CsvSource({"1", "3"})
    void the_delays_are_spread_so_that_clients_refused_together_do_not_return_together(int attempt) {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), new SplittableRandom(7));

        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(attempt)).distinct().count()).isGreaterThan(25);
    }
}
