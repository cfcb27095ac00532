package io.quorum.adapters.redis;

import io.lettuce.core.StreamMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stream entries one bus's subscriptions read lately, each decoded once: every role's group
 * reads the whole session, so without this each of the five voters' subscriptions would parse the
 * same JSON again. Bounded; safe from the subscriptions' reader threads.
 */
final class DecodedEntries {
    private static final int REMEMBERED = 4096;

    private final Map<String, Optional<StreamEntry>> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Optional<StreamEntry>> eldest) { return size() > REMEMBERED; }
    };

    /** The message of {@code stream}'s entry {@code raw} as {@link StreamEntry#read} makes it, decoded by the first subscription to read the entry. */
    Optional<StreamEntry> read(String stream, StreamMessage<String, String> raw) {
        String key = stream + " " + raw.getId();
        Optional<StreamEntry> known;
        synchronized (decoded) {
            known = decoded.get(key);
        }
        if (known != null) return known;
        // Decoded outside the lock: two readers may both decode one entry, and the first kept wins.
        Optional<StreamEntry> fresh = StreamEntry.read(raw);
        synchronized (decoded) {
            Optional<StreamEntry> first = decoded.putIfAbsent(key, fresh);
            return first != null ? first : fresh;
        }
    }
}
