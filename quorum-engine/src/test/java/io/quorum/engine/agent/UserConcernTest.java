package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserConcernTest {
    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            stop too wide                                   | STOP_TOO_WIDE
            Stop-loss is way too loose                      | STOP_TOO_WIDE
            position too big                                | POSITION_TOO_BIG
            that is too many shares for my account          | POSITION_TOO_BIG
            too risky                                       | TOO_RISKY
            earnings are due next week, too risky           | TOO_RISKY
            the position is too risky                       | TOO_RISKY
            target too far                                  | TARGET_TOO_FAR
            the take-profit is too ambitious                | TARGET_TOO_FAR
            I just don't like it                            | TOO_RISKY
            """)
    void a_reason_is_read_as_the_nearest_concern(String reason, UserConcern expected) {
        assertThat(UserConcern.read(reason).concern()).isEqualTo(expected);
    }

    @Test
    void the_match_names_the_words_that_decided_it() {
        assertThat(UserConcern.read("Stop too wide!").explanation()).isEqualTo("read as 'stop too wide' (it names: \"stop too wide\", stop, wide)");
    }

    @Test
    void a_reason_that_names_no_term_is_read_as_too_risky_and_says_so() {
        UserConcern.Match match = UserConcern.read("no");

        assertThat(match.concern()).isEqualTo(UserConcern.TOO_RISKY);
        assertThat(match.explanation()).contains("the most careful revision, since it names no term");
    }
}
