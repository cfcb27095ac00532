package io.quorum.adapters.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.Consideration;
import io.quorum.engine.reasoning.QuestionFirst;
import io.quorum.engine.reasoning.VoteAnswer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a model's answer against the vote's JSON schema ({@code prompts/answer.v2.md}) and reads
 * it as a {@link VoteAnswer}, or, where the model may ask first, as the {@link QuestionFirst} it
 * asks instead. Strict: one JSON object (a surrounding code fence is forgiven, since small models
 * add one), known fields only, each of its type and in its range; anything else is an invalid
 * answer, and the role votes by its rules.
 */
public final class VoteSchema {
    static final long MOST_SHARES = 10_000_000;
    static final BigDecimal HIGHEST_PRICE = BigDecimal.valueOf(1_000_000);
    private static final int PRICE_SCALE = 6;
    private static final Set<String> FIELDS = Set.of("choice", "reason", "confidence", "modification");
    private static final Set<String> MODIFICATION_FIELDS = Set.of("shares", "stop", "target");
    private static final String ASK = "ask";
    private static final Set<String> QUESTION_FIELDS = Set.of("to", "question", "confidence");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private VoteSchema() {}

    /** What a model's text amounts to: a vote {@code role} may cast, or why not. */
    public static SchemaReading<VoteAnswer> read(String text, AgentRole role) {
        JsonNode root;
        try {
            root = object(text, FIELDS);
        } catch (IllegalArgumentException unreadable) {
            return new SchemaReading.Invalid<>(unreadable.getMessage());
        }
        try {
            VoteChoice choice = choice(root.path("choice"));
            String reason = reason(root.path("reason"));
            BigDecimal confidence = confidence(root.path("confidence"));
            Modification modification = modification(root.path("modification"));
            VoteAnswer answer = new VoteAnswer(choice, reason, confidence, modification);
            if (!answer.allowedFor(role)) return new SchemaReading.Invalid<>("only Risk may VETO, and this is " + role.displayName());
            return new SchemaReading.Valid<>(answer);
        } catch (IllegalArgumentException violation) {
            return new SchemaReading.Invalid<>(violation.getMessage());
        }
    }

    /**
     * What a model's text amounts to where it may ask one of {@code mayAsk} a question before it votes:
     * the vote {@code role} may cast, the question it asks, or why neither. With {@code mayAsk}
     * empty, a question is an invalid answer: the model was told to vote now.
     */
    public static SchemaReading<Consideration> consider(String text, AgentRole role, List<AgentRole> mayAsk) {
        JsonNode root;
        try {
            root = object(text, Set.of(ASK));
        } catch (IllegalArgumentException notAQuestion) {
            return widened(read(text, role));
        }
        if (mayAsk.isEmpty()) return new SchemaReading.Invalid<>("ask: a question is not allowed here; the model was to vote now");
        try {
            JsonNode ask = root.path(ASK);
            if (!ask.isObject()) throw new IllegalArgumentException("ask: expected an object of to, question, confidence");
            String unknown = unknownField(ask, QUESTION_FIELDS);
            if (unknown != null) throw new IllegalArgumentException("ask: unknown field \"" + unknown + "\"");
            AgentRole to = addressee(ask.path("to"), mayAsk);
            String question = question(ask.path("question"));
            return new SchemaReading.Valid<>(new QuestionFirst(to, question, confidence(ask.path("confidence"))));
        } catch (IllegalArgumentException violation) {
            return new SchemaReading.Invalid<>(violation.getMessage());
        }
    }

    private static SchemaReading<Consideration> widened(SchemaReading<VoteAnswer> vote) {
        return switch (vote) {
            case SchemaReading.Valid<VoteAnswer> valid -> new SchemaReading.Valid<>(valid.answer());
            case SchemaReading.Invalid<VoteAnswer> invalid -> new SchemaReading.Invalid<>(invalid.problem());
        };
    }

    private static AgentRole addressee(JsonNode node, List<AgentRole> mayAsk) {
        String allowed = mayAsk.stream().map(AgentRole::name).collect(Collectors.joining(", "));
        if (!node.isTextual()) throw new IllegalArgumentException("ask.to: expected one of " + allowed);
        String name = node.textValue().strip().toUpperCase(Locale.ROOT);
        return mayAsk.stream().filter(role -> role.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ask.to: \"" + node.textValue() + "\" is not one of " + allowed));
    }

    private static String question(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) throw new IllegalArgumentException("ask.question: expected a sentence");
        String question = node.textValue().strip();
        if (question.length() > QuestionFirst.LONGEST_QUESTION) throw new IllegalArgumentException("ask.question: longer than " + QuestionFirst.LONGEST_QUESTION + " characters");
        return question;
    }

    /** The answer's one JSON object, with no field but {@code known}; throws with the problem in words. */
    static JsonNode object(String text, Set<String> known) {
        JsonNode root;
        try {
            root = JSON.readTree(unfenced(text));
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("the answer is not a JSON object");
        String unknown = unknownField(root, known);
        if (unknown != null) throw new IllegalArgumentException("unknown field \"" + unknown + "\"");
        return root;
    }

    /** The text inside a ``` or ```json fence around the whole answer; the text itself otherwise. */
    static String unfenced(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("```") || !stripped.endsWith("```") || stripped.length() < 6) return stripped;
        String inner = stripped.substring(3, stripped.length() - 3);
        return inner.startsWith("json") ? inner.substring(4) : inner;
    }

    private static VoteChoice choice(JsonNode node) {
        if (!node.isTextual()) throw new IllegalArgumentException("choice: expected one of APPROVE, REJECT, ABSTAIN, VETO");
        try {
            return VoteChoice.valueOf(node.textValue().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAChoice) {
            throw new IllegalArgumentException("choice: \"" + node.textValue() + "\" is not one of APPROVE, REJECT, ABSTAIN, VETO");
        }
    }

    static String reason(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) throw new IllegalArgumentException("reason: expected a sentence");
        String reason = node.textValue().strip();
        if (reason.length() > VoteAnswer.LONGEST_REASON) throw new IllegalArgumentException("reason: longer than " + VoteAnswer.LONGEST_REASON + " characters");
        return reason;
    }

    static BigDecimal confidence(JsonNode node) {
        if (!node.isNumber()) throw new IllegalArgumentException("confidence: expected a number from 0 to 1");
        BigDecimal confidence = node.decimalValue();
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("confidence: " + confidence.toPlainString() + " is not from 0 to 1");
        }
        return confidence.scale() > 2 ? confidence.setScale(2, RoundingMode.HALF_EVEN) : confidence;
    }

    private static Modification modification(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        if (!node.isObject()) throw new IllegalArgumentException("modification: expected null or an object of shares, stop, target");
        String unknown = unknownField(node, MODIFICATION_FIELDS);
        if (unknown != null) throw new IllegalArgumentException("modification: unknown field \"" + unknown + "\"");
        Size size = shares(node.path("shares"), "modification.shares");
        Price stop = price(node.path("stop"), "modification.stop");
        Price target = price(node.path("target"), "modification.target");
        if (size == null && stop == null && target == null) return null;
        return new Modification(size, stop, target);
    }

    /** Shares at {@code path} ("modification.shares"), null when absent; throws with the problem in words. */
    static Size shares(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) return null;
        if (!node.canConvertToExactIntegral() || node.decimalValue().signum() <= 0 || node.decimalValue().compareTo(BigDecimal.valueOf(MOST_SHARES)) > 0) {
            throw new IllegalArgumentException(path + ": expected a whole number from 1 to " + MOST_SHARES);
        }
        return Size.shares(node.decimalValue().longValueExact());
    }

    /** A price at {@code path} ("modification.stop"), null when absent; throws with the problem in words. */
    static Price price(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) return null;
        BigDecimal value;
        try {
            value = node.isTextual() ? new BigDecimal(node.textValue().strip()) : node.isNumber() ? node.decimalValue() : null;
        } catch (NumberFormatException notANumber) {
            value = null;
        }
        if (value == null || value.signum() <= 0 || value.compareTo(HIGHEST_PRICE) > 0 || value.stripTrailingZeros().scale() > PRICE_SCALE) {
            throw new IllegalArgumentException(path + ": expected a price in dollars above 0 and at most " + HIGHEST_PRICE.toPlainString()
                    + ", with at most " + PRICE_SCALE + " decimals");
        }
        return Price.of(value);
    }

    static String unknownField(JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) return name;
        }
        return null;
    }
}
