package io.quorum.adapters.redis;

import static io.quorum.engine.bus.SampleMessages.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.StreamMessage;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.SessionId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecodedEntriesTest {
    private static final AgentMessage MESSAGE = alert(SessionId.of("decoded"), "tick").sequenced(7);
    private static final StreamMessage<String, String> ENTRY = new StreamMessage<>("stream-a", "1700000000000-0",
            StreamEntry.fieldsOf(MESSAGE, StreamEntry.draftJson(alert(SessionId.of("decoded"), "tick"))));

    @Test
    void an_entry_read_by_several_subscriptions_is_decoded_once() {
        DecodedEntries decoded = new DecodedEntries();

        Optional<StreamEntry> first = decoded.read("stream-a", ENTRY);

        assertThat(first).hasValueSatisfying(entry -> assertThat(entry.message().seq()).isEqualTo(7));
        assertThat(decoded.read("stream-a", ENTRY).orElseThrow()).isSameAs(first.orElseThrow());
    }

    @Test
    void the_same_entry_id_in_two_streams_is_two_entries() {
        DecodedEntries decoded = new DecodedEntries();

        StreamEntry inA = decoded.read("stream-a", ENTRY).orElseThrow();
        StreamEntry inB = decoded.read("stream-b", ENTRY).orElseThrow();

        assertThat(inB).isNotSameAs(inA).isEqualTo(inA);
    }
}
