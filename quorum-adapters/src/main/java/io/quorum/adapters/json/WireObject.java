package io.quorum.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A JSON object being decoded strictly. Every read names its field by the path it has on the wire
 * ({@code content.size.amount}, {@code recipients[1]}), so a refusal says exactly what was wrong;
 * {@link #finish()} refuses the fields nobody asked for, so a typo or a payload of the wrong type
 * never passes silently.
 */
final class WireObject {
    private static final Pattern PRICE = Pattern.compile("\\d{1,12}\\.\\d{1,6}");
    private static final Pattern MONEY = Pattern.compile("-?\\d{1,15}\\.\\d{1,6}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9.]*): .*", Pattern.DOTALL);

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private WireObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path}; refused when the node is not a JSON object. */
    static WireObject at(JsonNode node, String path) {
        if (node == null || !node.isObject()) throw new MalformedMessageException(path.isEmpty() ? "$" : path, "expected an object");
        return new WireObject(node, path);
    }

    String path(String field) { return path.isEmpty() ? field : path + "." + field; }

    private JsonNode required(String field) {
        JsonNode value = optional(field);
        if (value == null) throw new MalformedMessageException(path(field), "missing");
        return value;
    }

    private JsonNode optional(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String text(String field) { return textOf(required(field), path(field)); }

    /** Whether the field is there (JSON null counts as there); it counts as read. */
    boolean has(String field) {
        read.add(field);
        return node.has(field);
    }

    String optionalText(String field) {
        JsonNode value = optional(field);
        return value == null ? null : textOf(value, path(field));
    }

    long integer(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw new MalformedMessageException(path(field), "expected an integer, was " + value);
        return value.longValue();
    }

    long optionalInteger(String field, long absent) {
        return optional(field) == null ? absent : integer(field);
    }

    int smallInteger(String field) {
        long value = integer(field);
        if (value != (int) value) throw new MalformedMessageException(path(field), "out of range: " + value);
        return (int) value;
    }

    boolean bool(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) throw new MalformedMessageException(path(field), "expected true or false, was " + value);
        return value.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) { return enumOf(required(field), path(field), type); }

    <E extends Enum<E>> E optionalEnumValue(String field, Class<E> type) {
        JsonNode value = optional(field);
        return value == null ? null : enumOf(value, path(field), type);
    }

    UUID uuid(String field) { return uuidOf(required(field), path(field)); }

    UUID optionalUuid(String field) {
        JsonNode value = optional(field);
        return value == null ? null : uuidOf(value, path(field));
    }

    Price price(String field) { return priceOf(required(field), path(field)); }

    Price optionalPrice(String field) {
        JsonNode value = optional(field);
        return value == null ? null : priceOf(value, path(field));
    }

    Money money(String field) {
        String text = matching(required(field), path(field), MONEY, "an amount of money as a string like \"-12.50\"");
        return Money.parse(text);
    }

    BigDecimal decimal(String field) { return decimalOf(required(field), path(field)); }

    BigDecimal optionalDecimal(String field) {
        JsonNode value = optional(field);
        return value == null ? null : decimalOf(value, path(field));
    }

    Ticker ticker(String field) { return tickerOf(required(field), path(field)); }

    Ticker optionalTicker(String field) {
        JsonNode value = optional(field);
        return value == null ? null : tickerOf(value, path(field));
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException(path(field), "expected an ISO-8601 instant like 2025-03-14T14:30:00Z, was \"" + text + "\"");
        }
    }

    Duration duration(String field) {
        String text = text(field);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException(path(field), "expected an ISO-8601 duration like PT30S, was \"" + text + "\"");
        }
    }

    WireObject object(String field) { return at(required(field), path(field)); }

    WireObject optionalObject(String field) {
        JsonNode value = optional(field);
        return value == null ? null : at(value, path(field));
    }

    /** The elements of an array field, each with its indexed path. */
    List<Element> array(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) throw new MalformedMessageException(path(field), "expected an array, was " + value.getNodeType());
        List<Element> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) elements.add(new Element(value.get(i), path(field) + "[" + i + "]"));
        return elements;
    }

    /** The raw node of a field whose shape the caller decides (e.g. "ALL" or an array). */
    Element raw(String field) { return new Element(required(field), path(field)); }

    /** The names of the object's fields, for maps whose keys are data. */
    Iterator<String> fieldNames() { return node.fieldNames(); }

    /** Refuses every field that was not read: unknown fields are an error, never ignored. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) throw new MalformedMessageException(path(name), "unknown field");
        }
    }

    /**
     * Builds the domain value, turning its validation failure into a refusal that names the field:
     * the engine's messages start with the field they are about ({@code "stop: a long's stop must..."}).
     */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = String.valueOf(e.getMessage());
            var prefix = FIELD_PREFIX.matcher(message);
            String field = prefix.matches() ? qualify(prefix.group(1)) : (path.isEmpty() ? "$" : path);
            throw new MalformedMessageException(field, message, e);
        }
    }

    private String qualify(String field) {
        if (path.isEmpty()) return field;
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (field.equals(last)) return path;
        if (field.startsWith(last + ".")) return path + field.substring(last.length());
        return path + "." + field;
    }

    /** An array element or a field whose shape varies, with its path. */
    record Element(JsonNode node, String path) {
        WireObject object() { return at(node, path); }

        String text() { return textOf(node, path); }

        <E extends Enum<E>> E enumValue(Class<E> type) { return enumOf(node, path, type); }

        Ticker ticker() { return tickerOf(node, path); }
    }

    private static String textOf(JsonNode value, String path) {
        if (!value.isTextual()) throw new MalformedMessageException(path, "expected a string, was " + value.getNodeType());
        return value.textValue();
    }

    private static <E extends Enum<E>> E enumOf(JsonNode value, String path, Class<E> type) {
        String text = textOf(value, path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) return constant;
        }
        throw new MalformedMessageException(path, "unknown value \"" + text + "\"; expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static UUID uuidOf(JsonNode value, String path) {
        String text = textOf(value, path);
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) throw new IllegalArgumentException(text);
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(path, "expected a UUID, was \"" + text + "\"");
        }
    }

    private static Price priceOf(JsonNode value, String path) {
        String text = matching(value, path, PRICE, "a price as a string like \"178.50\"");
        try {
            return Price.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(path, "a price must be positive, was \"" + text + "\"");
        }
    }

    private static BigDecimal decimalOf(JsonNode value, String path) {
        return new BigDecimal(matching(value, path, DECIMAL, "a decimal number as a string like \"2.5\""));
    }

    private static Ticker tickerOf(JsonNode value, String path) {
        String text = textOf(value, path);
        try {
            return new Ticker(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(path, e.getMessage());
        }
    }

    private static String matching(JsonNode value, String path, Pattern form, String expected) {
        if (!value.isTextual() || !form.matcher(value.textValue()).matches()) {
            throw new MalformedMessageException(path, "expected " + expected + ", was " + value);
        }
        return value.textValue();
    }
}
