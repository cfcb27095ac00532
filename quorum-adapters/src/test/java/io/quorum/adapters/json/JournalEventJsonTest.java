package io.quorum.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.message.MalformedMessageException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Journal events are stored as deterministic JSON, because the hash chain covers the exact text. */
class JournalEventJsonTest {

    static Stream<JournalEvent> events() { return JournalSamples.everyKindOfEvent().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void every_kind_of_event_reads_back_equal_and_writes_the_same_text_again(JournalEvent event) {
        String json = JournalEventJson.encode(event);

        JournalEvent decoded = JournalEventJson.decode(event.kind().name(), json);

        assertThat(decoded).isEqualTo(event);
        assertThat(JournalEventJson.encode(decoded)).isEqualTo(json);
    }

    @Test
    void an_order_intention_is_stored_with_decimal_strings_and_no_floats() {
        JournalEvent intended = new JournalEvent.OrderIntended(JournalSamples.orderRequest(), JournalSamples.PROPOSAL_ID, "approved");

        assertThat(JournalEventJson.encode(intended)).isEqualTo("{\"request\":{\"clientOrderId\":\"q-desk-aapl-1-0001\",\"ticker\":\"AAPL\","
                + "\"side\":\"BUY\",\"quantity\":100,\"type\":\"LIMIT\",\"limitPrice\":\"178.60\",\"stopPrice\":null},"
                + "\"proposalId\":\"6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\",\"reason\":\"approved\"}");
    }

    @Test
    void configuration_fields_are_written_in_name_order_whatever_the_map() {
        String json = JournalEventJson.encode(new JournalEvent.ConfigChanged(java.util.Map.of("quorum", "3", "maxPositionPct", "25", "timeZone", "UTC")));

        assertThat(json).isEqualTo("{\"fields\":{\"maxPositionPct\":\"25\",\"quorum\":\"3\",\"timeZone\":\"UTC\"}}");
    }

    @Test
    void an_unknown_type_or_a_field_of_another_event_is_refused() {
        assertThatThrownBy(() -> JournalEventJson.decode("ORDER_TELEPORTED", "{}"))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> JournalEventJson.decode("STATE_CHANGED", "{\"from\":\"IDLE\",\"to\":\"ANALYZING\",\"reason\":\"\",\"actor\":\"alice\"}"))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("actor"));
        assertThatThrownBy(() -> JournalEventJson.decode("ORDER_FILLED", JournalEventJson.encode(new JournalEvent.OrderFilled(JournalSamples.fill())).replace("\"1.00\"", "1.0")))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("fill.commission"));
    }
}
