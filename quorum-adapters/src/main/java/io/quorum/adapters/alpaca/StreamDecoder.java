package io.quorum.adapters.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the stream's frames, each a JSON array of messages ({@code [{"T":"t","S":"AAPL","p":126.55,
 * "s":1,"t":"2021-02-22T15:51:44.208Z",…},…]}), with Jackson's streaming parser: one pass over the
 * tokens, numbers and times read from the parser's characters, and no tree. Each message is handed
 * to the listener as soon as it is read. Message kinds the desk does not use (corrections, statuses,
 * daily and updated bars, LULD bands) are passed over.
 *
 * <p>A decoder keeps the fields of the message being read between calls, so it belongs to one
 * thread: one decoder per stream.
 */
public final class StreamDecoder {
    /** Without the frame's text in error locations: a frame is never shown, and keeping it costs every parser. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    private static final char NONE = 0;
    private static final char CONTROL = '*';
    /** The channels a {@code subscription} message lists. */
    private static final Set<String> CHANNELS = Set.of("trades", "quotes", "bars", "updatedBars", "dailyBars", "statuses",
            "lulds", "corrections", "cancelErrors", "news");

    private final SymbolCache symbolCache = new SymbolCache();
    /** A data message's one-letter type ({@code t}, {@code q}, {@code b}, {@code n}), or {@link #CONTROL} with {@link #controlType} set. */
    private char type;
    private String controlType;
    private String symbol;
    private long time;
    private long price;
    private long size;
    private long bid;
    private long ask;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private int code;
    private String text;
    private long id;
    private String headline;
    private String source;
    private List<String> symbols;
    private Map<String, List<String>> channels;

    /** Hands every message of {@code frame} to {@code listener}, in order. */
    public void decode(String frame, StreamListener listener) {
        try (JsonParser parser = JSON.createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                listener.unreadable("a frame that is not an array of messages");
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) readMessage(parser, listener);
            if (token != JsonToken.END_ARRAY) listener.unreadable("a frame holding " + token + " among its messages");
        } catch (JsonProcessingException notJson) {
            listener.unreadable("a frame that is not JSON: " + notJson.getOriginalMessage());
        } catch (IOException unreadable) {
            listener.unreadable("a frame that could not be read: " + unreadable.getMessage());
        }
    }

    private void readMessage(JsonParser parser, StreamListener listener) throws IOException {
        clear();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) readList(parser, name);
            else if (value == JsonToken.START_OBJECT) parser.skipChildren();
            else readScalar(parser, name, value);
        }
        dispatch(listener);
    }

    private void readScalar(JsonParser parser, String name, JsonToken value) throws IOException {
        boolean number = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
        switch (name) {
            case "T" -> readType(parser);
            case "S" -> symbol = symbolCache.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            case "t", "created_at" -> time = value == JsonToken.VALUE_STRING ? time(parser) : WireTimes.INVALID;
            case "p" -> price = number ? price(parser) : WireDecimals.INVALID;
            case "s" -> size = number ? units(parser) : WireDecimals.INVALID;
            case "bp" -> bid = number ? amount(parser) : WireDecimals.INVALID;
            case "ap" -> ask = number ? amount(parser) : WireDecimals.INVALID;
            case "o" -> open = number ? price(parser) : WireDecimals.INVALID;
            case "h" -> high = number ? price(parser) : WireDecimals.INVALID;
            case "l" -> low = number ? price(parser) : WireDecimals.INVALID;
            case "c" -> close = number ? price(parser) : WireDecimals.INVALID;
            case "v" -> volume = number ? units(parser) : WireDecimals.INVALID;
            case "code" -> code = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
            case "msg" -> text = parser.getText();
            case "id" -> id = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
            case "headline" -> headline = parser.getText();
            case "source" -> source = parser.getText();
            default -> { }
        }
    }

    /** The type without a String for the one-letter kinds of the hot path. */
    private void readType(JsonParser parser) throws IOException {
        if (parser.getTextLength() == 1) {
            type = parser.getTextCharacters()[parser.getTextOffset()];
        } else {
            type = CONTROL;
            controlType = parser.getText();
        }
    }

    /** A list of symbols: a story's, or a channel's in a subscription message; any other list (a trade's conditions) is passed over. */
    private void readList(JsonParser parser, String name) throws IOException {
        boolean ofStory = name.equals("symbols");
        if (!ofStory && !CHANNELS.contains(name)) {
            parser.skipChildren();
            return;
        }
        List<String> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) items.add(parser.getText());
            else parser.skipChildren();
        }
        if (ofStory) {
            symbols = items;
        } else {
            if (channels == null) channels = new LinkedHashMap<>();
            channels.put(name, List.copyOf(items));
        }
    }

    private void dispatch(StreamListener listener) {
        switch (type) {
            case NONE -> listener.unreadable("a message without its type \"T\"");
            case CONTROL -> control(listener);
            case 't' -> {
                if (symbol == null || time == WireTimes.INVALID || price == WireDecimals.INVALID || size == WireDecimals.INVALID) listener.unreadable("a trade without a symbol, a time, a price or a size");
                else listener.trade(symbol, time, price, size);
            }
            case 'q' -> {
                if (symbol == null || time == WireTimes.INVALID || bid == WireDecimals.INVALID || ask == WireDecimals.INVALID) listener.unreadable("a quote without a symbol, a time or its prices");
                else listener.quote(symbol, time, bid, ask);
            }
            case 'b' -> {
                if (symbol == null || time == WireTimes.INVALID || open == WireDecimals.INVALID || high == WireDecimals.INVALID
                        || low == WireDecimals.INVALID || close == WireDecimals.INVALID || volume == WireDecimals.INVALID) {
                    listener.unreadable("a bar without a symbol, a time, its prices or its volume");
                } else {
                    listener.minuteBar(symbol, time, open, high, low, close, volume);
                }
            }
            case 'n' -> {
                if (id < 0 || headline == null || headline.isBlank() || time == WireTimes.INVALID) listener.unreadable("a story without an id, a headline or a time");
                else listener.story(new NewsStory(id, headline.strip(), source == null ? "" : source, Instant.ofEpochMilli(time), symbols == null ? List.of() : symbols));
            }
            default -> { }
        }
    }

    private void control(StreamListener listener) {
        switch (controlType) {
            case "success" -> listener.success(text == null ? "" : text);
            case "error" -> listener.error(code, text == null ? "" : text);
            case "subscription" -> listener.subscribed(channels == null ? Map.of() : channels);
            default -> { }
        }
    }

    private static long time(JsonParser parser) throws IOException {
        return WireTimes.epochMillis(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static long price(JsonParser parser) throws IOException {
        return WireDecimals.micros(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static long amount(JsonParser parser) throws IOException {
        return WireDecimals.amountMicros(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static long units(JsonParser parser) throws IOException {
        return WireDecimals.wholeUnits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private void clear() {
        type = NONE;
        controlType = null;
        symbol = null;
        time = WireTimes.INVALID;
        price = WireDecimals.INVALID;
        size = 0;
        bid = WireDecimals.INVALID;
        ask = WireDecimals.INVALID;
        open = WireDecimals.INVALID;
        high = WireDecimals.INVALID;
        low = WireDecimals.INVALID;
        close = WireDecimals.INVALID;
        volume = WireDecimals.INVALID;
        code = -1;
        text = null;
        id = -1;
        headline = null;
        source = null;
        symbols = null;
        channels = null;
    }
}
