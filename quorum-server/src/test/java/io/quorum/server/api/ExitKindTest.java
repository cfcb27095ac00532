package io.quorum.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.position.ExitReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExitKindTest {

    @ParameterizedTest @EnumSource(ExitReason.class)
    void a_protective_exit_is_known_by_the_sentence_the_desk_announces(ExitReason reason) {
        assertThat(ExitKind.of(reason.sentence()).name()).isEqualTo(reason.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            closed by user                       | USER
            flattened by user                    | USER
            daily loss limit hit                 | LOSS_LIMIT
            approved by the desk                 | DECISION
            approved by user                     | DECISION
            approved by the desk, confirmed by user | DECISION
            """)
    void every_other_exit_is_the_users_the_loss_limits_or_a_decisions(String reason, ExitKind kind) {
        assertThat(ExitKind.of(reason)).isEqualTo(kind);
    }
}
