package io.quorum.engine.decision;

/**
 * Just enough of a JSON writer for the decision export and the backtest report, so that the engine needs no JSON library:
 * objects and arrays written in order, strings escaped per RFC 8259. Commas are placed by the
 * writer, so callers only open, name and close.
 */
public final class JsonText {
    private final StringBuilder out = new StringBuilder();
    private boolean needsComma;

    public JsonText beginObject() { return open('{'); }

    public JsonText endObject() { return close('}'); }

    public JsonText beginArray() { return open('['); }

    public JsonText endArray() { return close(']'); }

    public JsonText name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    /** A string, or null. */
    public JsonText value(String text) {
        separate();
        if (text == null) out.append("null");
        else string(text);
        needsComma = true;
        return this;
    }

    /** A value written as it is (a number, true, false); the caller vouches that it is JSON. */
    public JsonText literal(Object value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    @Override public String toString() { return out.toString(); }

    private JsonText open(char bracket) {
        separate();
        out.append(bracket);
        needsComma = false;
        return this;
    }

    private JsonText close(char bracket) {
        out.append(bracket);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) out.append(',');
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
