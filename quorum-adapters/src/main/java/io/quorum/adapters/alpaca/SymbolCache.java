package io.quorum.adapters.alpaca;

/**
 * The symbols a stream repeats message after message, each kept as one String: a symbol read
 * from the parser's characters is looked up by its characters, so that a known one allocates
 * nothing (and keeps its cached hash for the lookups after it). A fixed number of slots, each
 * taken by the last symbol that hashed to it: a desk's few hundred symbols fit, and more only cost
 * the allocation this saves.
 */
final class SymbolCache {
    private static final int SLOTS = 1 << 10;
    private static final int LONGEST_KEPT = 16;

    private final String[] slots = new String[SLOTS];

    String of(char[] text, int offset, int length) {
        if (length > LONGEST_KEPT) return new String(text, offset, length);
        int hash = 0;
        for (int i = offset; i < offset + length; i++) hash = 31 * hash + text[i];
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String kept = slots[slot];
        if (kept != null && matches(kept, text, offset, length)) return kept;
        String symbol = new String(text, offset, length);
        slots[slot] = symbol;
        return symbol;
    }

    private static boolean matches(String kept, char[] text, int offset, int length) {
        if (kept.length() != length) return false;
        for (int i = 0; i < length; i++) if (kept.charAt(i) != text[offset + i]) return false;
        return true;
    }
}
