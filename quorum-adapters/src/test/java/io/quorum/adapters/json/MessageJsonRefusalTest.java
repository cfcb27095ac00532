package io.quorum.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.engine.message.MalformedMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a message can be wrong on the wire is refused, naming the field as it is spelled there. */
class MessageJsonRefusalTest {
    private static final ObjectMapper MAPPER = QuorumJson.mapper();
    private static final String REMOVE = "<remove>";

    @ParameterizedTest(name = "{0}: {1} = {2} is refused at {3}")
    @CsvSource(delimiter = '|', textBlock = """
            vote.json     | content.proposalId       | <remove>                | content.proposalId
            vote.json     | id                       | <remove>                | id
            vote.json     | type                     | "HEARTBEAT"             | type
            vote.json     | sender                   | "JANITOR"               | sender
            vote.json     | content.choice           | "MAYBE"                 | content.choice
            vote.json     | recipients               | ["RISK","BOSS"]         | recipients[1]
            vote.json     | recipients               | "EVERYONE"              | recipients
            vote.json     | recipients               | []                      | recipients
            vote.json     | content.modification.stop| 176.25                  | content.modification.stop
            vote.json     | content.modification.stop| "176,25"                | content.modification.stop
            vote.json     | content.modification.stop| "0.00"                  | content.modification.stop
            vote.json     | content.modification.stop| "176.1234567"           | content.modification.stop
            vote.json     | content.mood             | "bullish"               | content.mood
            vote.json     | priority                 | 1                       | priority
            vote.json     | seq                      | "9"                     | seq
            vote.json     | requiresResponse         | "yes"                   | requiresResponse
            vote.json     | timestamp                | "yesterday"             | timestamp
            vote.json     | responseTimeout          | "30s"                   | responseTimeout
            vote.json     | responseTimeout          | "PT0S"                  | responseTimeout
            vote.json     | replyTo                  | "not-a-uuid"            | replyTo
            vote.json     | content.text             | 42                      | content.text
            vote.json     | content.text             | "  "                    | content.text
            vote.json     | sessionId                | "no spaces allowed"     | sessionId
            vote.json     | content                  | "approve"               | content
            proposal.json | content.entry            | "-178.50"               | content.entry
            proposal.json | content.stop             | "180.00"                | content.stop
            proposal.json | content.ticker           | "aapl"                  | content.ticker
            proposal.json | content.size.amount      | "12.5"                  | content.size.amount
            proposal.json | content.size.unit        | "LOTS"                  | content.size.unit
            proposal.json | content.trailingStopPct  | 2.5                     | content.trailingStopPct
            decision.json | content.votes            | [{"voter":"RISK"}]      | content.votes[0].choice
            decision.json | content.tally.quorum     | 9                       | content.tally
            decision.json | content.terms.entry      | <remove>                | content.terms.entry
            update.json   | content.execution.quantity | 1.5                   | content.execution.quantity
            update.json   | content.execution        | null                    | content.execution
            vote-request.json | content.voters       | []                      | content.voters
            vote-request.json | content.voters       | ["RISK","RISK"]         | content.voters[1]
            vote-request.json | content.voters       | ["ORCHESTRATOR"]        | content.voters
            vote-request.json | content.deadline     | "in 30 s"               | content.deadline
            vote-request.json | content.terms        | <remove>                | content.terms
            vote-request.json | content.terms.id     | "0e4f2b8c-1d2e-4f3a-9b8c-7d6e5f4a3b2c" | content.terms
            """)
    void a_malformed_field_is_refused_by_its_wire_name(String file, String path, String value, String expectedField) throws Exception {
        String json = mutated(file, path, value);

        MalformedMessageException refusal = catchThrowableOfType(MalformedMessageException.class, () -> MessageJson.decode(json));

        assertThat(refusal).as("decoding %s with %s = %s", file, path, value).isNotNull();
        assertThat(refusal.field()).isEqualTo(expectedField);
    }

    @Test
    void a_vote_carrying_a_proposal_body_is_refused() throws Exception {
        ObjectNode vote = (ObjectNode) MAPPER.readTree(MessageJsonGoldenTest.golden("vote.json"));
        vote.set("content", MAPPER.readTree(MessageJsonGoldenTest.golden("proposal.json")).get("content"));

        assertThatThrownBy(() -> MessageJson.decode(vote.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("content.proposalId"));
    }

    @Test
    void a_veto_from_anyone_but_risk_is_refused() throws Exception {
        ObjectNode vote = (ObjectNode) MAPPER.readTree(MessageJsonGoldenTest.golden("vote.json"));
        vote.put("sender", "TECHNICAL");
        ((ObjectNode) vote.get("content")).put("choice", "VETO");

        assertThatThrownBy(() -> MessageJson.decode(vote.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("content.choice"));
    }

    @Test
    void text_that_is_not_one_json_document_is_refused_as_a_whole() {
        for (String json : new String[] {"", "{", "[1,2]", "{\"id\":1}{}", "{\"id\":1,\"id\":2}"}) {
            assertThatThrownBy(() -> MessageJson.decode(json)).as(json).isInstanceOf(MalformedMessageException.class);
        }
    }

    /** The golden file with one field replaced (or removed), the path written as on the wire. */
    private static String mutated(String file, String path, String value) throws Exception {
        JsonNode root = MAPPER.readTree(MessageJsonGoldenTest.golden(file));
        String[] steps = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) parent = parent.get(steps[i]);
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode) throw new IllegalArgumentException("paths into arrays are not needed here");
        if (value.equals(REMOVE)) ((ObjectNode) parent).remove(last);
        else ((ObjectNode) parent).set(last, MAPPER.readTree(value));
        return root.toString();
    }
}
