package io.quorum.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorum.engine.journal.JournalSamples;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.order.OrderCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format is pinned by one golden file per payload type: if encoding or decoding drifts,
 * these fail, and a change to the format has to be a deliberate change to the files.
 */
class MessageJsonGoldenTest {
    private static final ObjectMapper MAPPER = QuorumJson.mapper();

    static Stream<Arguments> goldenMessages() {
        return Stream.of(
                Arguments.of("alert.json", JournalSamples.message(JournalSamples.alert(), AgentRole.TECHNICAL, 3)),
                Arguments.of("question.json", JournalSamples.message(JournalSamples.question(), AgentRole.RISK, 4)),
                Arguments.of("update.json", JournalSamples.message(JournalSamples.update(), AgentRole.EXECUTION, 12)),
                Arguments.of("proposal.json", JournalSamples.message(JournalSamples.proposal(), AgentRole.TECHNICAL, 7)),
                Arguments.of("vote-request.json", voteRequest()),
                Arguments.of("vote.json", JournalSamples.message(JournalSamples.vote(), AgentRole.RISK, 9)),
                Arguments.of("decision.json", JournalSamples.message(JournalSamples.decision(), AgentRole.ORCHESTRATOR, 11)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenMessages")
    void the_golden_file_decodes_to_the_expected_message(String file, AgentMessage expected) {
        assertThat(MessageJson.decode(golden(file))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenMessages")
    void the_message_encodes_to_the_golden_file_field_for_field_in_order(String file, AgentMessage message) throws IOException {
        String encoded = MessageJson.encode(message);

        assertThat(pretty(encoded)).isEqualTo(pretty(golden(file)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            decision 6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b | DECISION
            the stop-loss was hit                         | STOP_LOSS
            flattened by user                             | FLATTEN
            """)
    void an_execution_journaled_before_causes_were_recorded_takes_its_cause_from_its_reason(String reason, OrderCause cause) {
        String before = golden("update.json")
                .replace(",\n      \"cause\" : \"DECISION\"", "")
                .replace("decision 6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", reason);
        assertThat(before).doesNotContain("cause");

        Update update = (Update) MessageJson.decode(before).content();
        assertThat(update.execution().cause()).isEqualTo(cause);
        assertThat(update.execution().reason()).isEqualTo(reason);
    }

    /** The orchestrator asks the four other voters about Technical's proposal (seq 7), as the desk sends it. */
    static AgentMessage voteRequest() {
        Set<AgentRole> others = EnumSet.of(AgentRole.FUNDAMENTAL, AgentRole.SENTIMENT, AgentRole.RISK, AgentRole.EXECUTION);
        VoteRequest request = new VoteRequest(JournalSamples.PROPOSAL_ID, JournalSamples.proposal(), others, Instant.parse("2025-03-14T14:30:38Z"),
                "Votes please on Technical's proposal: Open long 120 shares of AAPL, stop 175.00, target 190.00 — answer within 30 s");
        return new AgentMessage(UUID.fromString("3d0c5a3e-9a43-3c5e-b1d6-6f4e2a7b8c90"), JournalSamples.SESSION, 8, AgentRole.ORCHESTRATOR,
                Recipients.of(others), MessageType.VOTE_REQUEST, request, JournalSamples.TIME.plusSeconds(8),
                JournalSamples.message(JournalSamples.proposal(), AgentRole.TECHNICAL, 7).id(), true, Duration.ofSeconds(30));
    }

    static String golden(String file) {
        try (var in = MessageJsonGoldenTest.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) throw new IllegalStateException("no golden file " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same layout for both sides, so that only content and field order are compared. */
    private static String pretty(String json) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json));
    }
}
