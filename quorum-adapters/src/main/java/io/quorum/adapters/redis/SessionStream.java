package io.quorum.adapters.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.engine.message.AgentMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * An observer's view of a session: every entry of the stream after the one that was last when it
 * subscribed ({@code XREAD}), with no group and nothing to acknowledge. Copies of a message already
 * handed over (a publisher's retry) are skipped by message id.
 */
final class SessionStream implements StreamSource {
    private final String stream;
    private final XReadArgs readArgs;
    private final DecodedEntries decoded;
    private final RecentMessages recent = new RecentMessages();
    /** The last entry read; only the subscription's reader thread touches it. */
    private String lastEntryId;

    SessionStream(String stream, String lastEntryId, RedisSettings settings, DecodedEntries decoded) {
        this.decoded = decoded;
        this.stream = stream;
        this.lastEntryId = lastEntryId;
        this.readArgs = XReadArgs.Builder.count(RoleStream.BATCH).block(settings.readBlock());
    }

    @Override public List<StreamEntry> read(StatefulRedisConnection<String, String> connection) {
        List<StreamMessage<String, String>> raw = connection.sync().xread(readArgs, XReadArgs.StreamOffset.from(stream, lastEntryId));
        List<StreamEntry> fresh = new ArrayList<>(raw.size());
        for (StreamMessage<String, String> message : raw) {
            lastEntryId = message.getId();
            decoded.read(stream, message).ifPresent(entry -> {
                if (recent.firstSighting(entry.message().id(), entry.entryId())) fresh.add(entry);
            });
        }
        return fresh;
    }

    @Override public void dropped(StreamEntry entry) { }

    @Override public void handled(AgentMessage message) { }

    @Override public void stopped(StatefulRedisConnection<String, String> connection) { }

    /** The id of the last entry of {@code stream} now, or {@code 0-0} when it is empty or absent. */
    static String lastEntryOf(RedisCommands<String, String> redis, String stream) {
        List<StreamMessage<String, String>> last = redis.xrevrange(stream, Range.create("-", "+"), Limit.create(0, 1));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }
}
