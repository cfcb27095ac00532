package io.quorum.adapters.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The message ids one subscription saw lately, each with the stream entry it first came in; bounded,
 * so that it never grows with the session. Touched by the subscription's reader thread only.
 */
final class RecentMessages {
    private static final int REMEMBERED = 8192;

    private final LinkedHashMap<UUID, String> entries = new LinkedHashMap<>(256, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) { return size() > REMEMBERED; }
    };

    /** True the first time {@code messageId} is seen; then remembers {@code entryId} as its entry. */
    boolean firstSighting(UUID messageId, String entryId) {
        return entries.putIfAbsent(messageId, entryId) == null;
    }

    /** The entry {@code messageId} first came in, or null when it was not seen lately. */
    String entryOf(UUID messageId) { return entries.get(messageId); }
}
