package io.quorum.adapters.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.SessionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A role's share of a session: one consumer of the role's consumer group on the session's stream.
 * Every replica of a role is a consumer of the same group, so each message goes to one of them.
 *
 * <p>Delivery is at least once: a message is acknowledged ({@code XACK}) only after its handler
 * returned (by the reader, with its next read, so within one read block), and the messages a consumer left unacknowledged longer than the claim idle time are
 * taken over by another consumer of the group ({@code XAUTOCLAIM}), this one included. So a message
 * may come more than once, and each is handed to the handler once by message id: a second copy of a
 * message the role already handled (here, or in another replica, which leaves a marker in the same
 * script as its acknowledgement) is only acknowledged.
 */
final class RoleStream implements StreamSource {
    /** Entries taken per read, and per claim. */
    static final int BATCH = 64;

    /**
     * Marks the messages handled by the role and acknowledges their entries, in one step: KEYS[1] the
     * stream, KEYS[2..] the markers of the handled messages; ARGV[1] the group, ARGV[2] how long a
     * marker lasts, ARGV[3..] the entries (of handled messages, then of skipped copies).
     */
    private static final String ACKNOWLEDGE = """
            for i = 2, #KEYS do redis.call('SET', KEYS[i], '1', 'PX', ARGV[2]) end
            return redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 3))""";
    /** Entries acknowledged by one script at the most, well within what Lua's unpack takes. */
    private static final int ACKNOWLEDGED_PER_SCRIPT = 1024;
    private static final String FIRST_ENTRY = "0-0";

    private final SessionId session;
    private final AgentRole role;
    private final String stream;
    private final Consumer<String> consumer;
    private final StreamKeys keys;
    private final RedisSettings settings;
    /** Handled on the mailbox's thread, to be acknowledged by the reader thread with its next read. */
    private final ConcurrentLinkedQueue<Acknowledgement> toAcknowledge = new ConcurrentLinkedQueue<>();
    private final XReadArgs readArgs;
    private final DecodedEntries decoded;
    private final RecentMessages recent = new RecentMessages();
    /** Handed to the mailbox and not yet handled: written by the reader, removed by the mailbox's thread. */
    private final ConcurrentHashMap<UUID, String> inFlight = new ConcurrentHashMap<>();
    // Only the reader thread touches these.
    private String claimCursor = FIRST_ENTRY;
    private long nextClaimNanos;

    RoleStream(SessionId session, AgentRole role, String consumerName, StreamKeys keys, RedisSettings settings, DecodedEntries decoded) {
        this.decoded = decoded;
        this.session = session;
        this.role = role;
        this.stream = keys.stream(session);
        this.consumer = Consumer.from(role.name(), consumerName);
        this.keys = keys;
        this.settings = settings;
        this.readArgs = XReadArgs.Builder.count(BATCH).block(settings.readBlock());
        this.nextClaimNanos = System.nanoTime() + settings.claimIdle().toNanos() / 2;
    }

    /** Creates the role's group at the stream's end, and the stream itself, unless they are there already. */
    static void ensureGroup(RedisCommands<String, String> redis, String stream, AgentRole role) {
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.latest(stream), role.name(), XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException groupExists) {
            // Another replica, or an earlier subscription, made it: the group goes on from where it is.
        }
    }

    /**
     * Sends the acknowledgements of what was handled since the last read, without waiting for their
     * answer, ahead of the read on the same connection: they cost the hot path no round trip of its own.
     */
    @Override public List<StreamEntry> read(StatefulRedisConnection<String, String> connection) {
        acknowledgeHandled(connection.async());
        RedisCommands<String, String> redis = connection.sync();
        List<StreamMessage<String, String>> raw = new ArrayList<>(claimed(redis));
        raw.addAll(redis.xreadgroup(consumer, readArgs, XReadArgs.StreamOffset.lastConsumed(stream)));
        if (raw.isEmpty()) return List.of();
        List<StreamEntry> entries = new ArrayList<>(raw.size());
        for (StreamMessage<String, String> message : raw) {
            Optional<StreamEntry> entry = decoded.read(stream, message);
            // The group reads the whole session: what is not for the role, or not a message, is only acknowledged.
            if (entry.isPresent() && entry.get().message().isFor(role)) entries.add(entry.get());
            else acknowledge(message.getId());
        }
        return fresh(entries, handledMarkers(redis, entries));
    }

    @Override public void dropped(StreamEntry entry) {
        inFlight.remove(entry.message().id());
        acknowledge(entry.entryId());
    }

    @Override public void handled(AgentMessage message) {
        String entryId = inFlight.remove(message.id());
        if (entryId != null) toAcknowledge.add(new Acknowledgement(entryId, keys.handled(session, role, message.id())));
    }

    /** Waits for the last acknowledgements, so that a subscription that stops leaves nothing it handled pending. */
    @Override public void stopped(StatefulRedisConnection<String, String> connection) {
        List<RedisFuture<Long>> sent = acknowledgeHandled(connection.async());
        LettuceFutures.awaitAll(settings.commandTimeout(), sent.toArray(RedisFuture[]::new));
    }

    /**
     * One script per {@value #ACKNOWLEDGED_PER_SCRIPT} entries waiting. One that fails (Redis away)
     * puts its entries back, to go with a later read: an entry left pending would be claimed and
     * handed over again.
     */
    private List<RedisFuture<Long>> acknowledgeHandled(RedisAsyncCommands<String, String> redis) {
        List<RedisFuture<Long>> sent = new ArrayList<>(1);
        List<Acknowledgement> batch = new ArrayList<>();
        for (Acknowledgement next = toAcknowledge.poll(); next != null; next = toAcknowledge.poll()) {
            batch.add(next);
            if (batch.size() == ACKNOWLEDGED_PER_SCRIPT) {
                sent.add(acknowledge(redis, batch));
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) sent.add(acknowledge(redis, batch));
        return sent;
    }

    private RedisFuture<Long> acknowledge(RedisAsyncCommands<String, String> redis, List<Acknowledgement> batch) {
        List<String> markers = new ArrayList<>(batch.size() + 1);
        markers.add(stream);
        List<String> arguments = new ArrayList<>(batch.size() + 2);
        arguments.add(role.name());
        arguments.add(Long.toString(settings.handledFor().toMillis()));
        for (Acknowledgement handled : batch) {
            if (handled.marker() != null) markers.add(handled.marker());
        }
        for (Acknowledgement handled : batch) arguments.add(handled.entryId());
        RedisFuture<Long> answer = redis.eval(ACKNOWLEDGE, ScriptOutputType.INTEGER, markers.toArray(String[]::new), arguments.toArray(String[]::new));
        answer.whenComplete((acknowledged, failure) -> {
            if (failure != null) toAcknowledge.addAll(batch);
        });
        return answer;
    }

    /** Every claim idle time or so, the entries other consumers of the group left pending that long. */
    private List<StreamMessage<String, String>> claimed(RedisCommands<String, String> redis) {
        if (System.nanoTime() < nextClaimNanos) return List.of();
        ClaimedMessages<String, String> claim = redis.xautoclaim(stream,
                XAutoClaimArgs.Builder.xautoclaim(consumer, settings.claimIdle(), claimCursor).count(BATCH));
        claimCursor = claim.getId();
        if (FIRST_ENTRY.equals(claimCursor)) nextClaimNanos = System.nanoTime() + settings.claimIdle().toNanos() / 2;
        return claim.getMessages();
    }

    /** For each entry, whether some consumer of the role already handled its message. */
    private boolean[] handledMarkers(RedisCommands<String, String> redis, List<StreamEntry> entries) {
        boolean[] handled = new boolean[entries.size()];
        if (entries.isEmpty()) return handled;
        String[] markers = new String[entries.size()];
        for (int i = 0; i < markers.length; i++) markers[i] = keys.handled(session, role, entries.get(i).message().id());
        List<KeyValue<String, String>> values = redis.mget(markers);
        for (int i = 0; i < handled.length; i++) handled[i] = values.get(i).hasValue();
        return handled;
    }

    /** The entries whose message this subscription hands over for the first time; every copy is acknowledged. */
    private List<StreamEntry> fresh(List<StreamEntry> entries, boolean[] handledMarkers) {
        List<StreamEntry> fresh = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            StreamEntry entry = entries.get(i);
            UUID messageId = entry.message().id();
            if (handledMarkers[i]) {
                acknowledge(entry.entryId());
            } else if (recent.firstSighting(messageId, entry.entryId())) {
                inFlight.put(messageId, entry.entryId());
                fresh.add(entry);
            } else if (!entry.entryId().equals(recent.entryOf(messageId)) || !inFlight.containsKey(messageId)) {
                // Another entry with the same message, or this entry handled here and its acknowledgement lost.
                acknowledge(entry.entryId());
            }
            // Otherwise this very entry is still waiting in the mailbox: the claim only took it back from itself.
        }
        return fresh;
    }

    /** An entry to acknowledge without handing it over (not for the role, or a copy): no marker. */
    private void acknowledge(String entryId) {
        toAcknowledge.add(new Acknowledgement(entryId, null));
    }

    /** @param marker the key that tells every replica the message was handled, or null for an entry only skipped */
    private record Acknowledgement(String entryId, String marker) { }
}
