package io.quorum.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.ClientOrderId;
import java.io.IOException;
import java.util.function.Function;

/**
 * The one Jackson configuration of Quorum, for the wire format and for the server's own DTOs:
 * money and prices as decimal strings ({@code "178.50"}), times as ISO-8601 text, unknown
 * properties and duplicate keys refused, map entries in key order so output is deterministic.
 * The engine's value types (Price, Money, Ticker, ids, AgentMessage) serialise through {@link #module()}.
 */
public final class QuorumJson {
    private static final ObjectMapper SHARED = mapper();

    private QuorumJson() {}

    /** A new mapper with Quorum's configuration; callers may add their own modules to it. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** Serialisers for the engine's value types, as the wire spells them. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("quorum");
        text(module, Price.class, Wire::price, Price::parse);
        text(module, Money.class, Wire::money, Money::parse);
        text(module, Ticker.class, Ticker::symbol, Ticker::new);
        text(module, ProposalId.class, ProposalId::toString, ProposalId::parse);
        text(module, SessionId.class, SessionId::value, SessionId::of);
        text(module, ClientOrderId.class, ClientOrderId::value, ClientOrderId::of);
        module.addSerializer(AgentMessage.class, new JsonSerializer<>() {
            @Override public void serialize(AgentMessage value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeTree(MessageJson.toTree(value));
            }
        });
        module.addDeserializer(AgentMessage.class, new JsonDeserializer<>() {
            @Override public AgentMessage deserialize(JsonParser in, DeserializationContext context) throws IOException {
                return MessageJson.fromTree(in.readValueAsTree());
            }
        });
        module.addSerializer(Payload.class, new JsonSerializer<>() {
            @Override public void serialize(Payload value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeTree(MessageJson.payload(value));
            }
        });
        return module;
    }

    /** Parses JSON text strictly; text that is not one JSON document is refused as a whole ({@code $}). */
    static JsonNode readTree(String json) {
        if (json == null) throw new MalformedMessageException("$", "no JSON text");
        try {
            return SHARED.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("$", "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return SHARED.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> format, Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(format.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                if (!in.currentToken().equals(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                    return context.reportInputMismatch(type, "expected a string for %s", type.getSimpleName());
                }
                try {
                    return parse.apply(in.getText());
                } catch (IllegalArgumentException | ArithmeticException e) {
                    return context.reportInputMismatch(type, "not a valid %s: %s", type.getSimpleName(), in.getText());
                }
            }
        });
    }
}
