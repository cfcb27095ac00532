package io.quorum.adapters.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.engine.bus.BusSettings;
import io.quorum.engine.bus.BusStats;
import io.quorum.engine.bus.JournalHook;
import io.quorum.engine.bus.Mailbox;
import io.quorum.engine.bus.MailboxBus;
import io.quorum.engine.bus.Mailboxes;
import io.quorum.engine.bus.BusCounters;
import io.quorum.engine.bus.Subscriber;
import io.quorum.engine.bus.WorkerPool;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bus on Redis Streams, so that agents may run in processes of their own, on other machines.
 *
 * <p>Each session is one stream. Publishing runs the guards, then, in the session's critical
 * section in this process, takes the session's next {@code seq} from Redis ({@code INCR}, so every
 * process numbers the same session from one counter), journals the message and appends it to the
 * stream ({@code XADD} with {@code MAXLEN ~}: the stream keeps the recent conversation, the journal
 * everything). The stream's order is the delivery order. A journal that refuses gives the seq back
 * when no other process took the next one meanwhile. A bus with no journal (an agent's process)
 * numbers and appends in one script, one round trip.
 *
 * <p>Each role is a consumer group of the stream: {@link #subscribe} joins it as one consumer, and
 * several replicas of a role share it, each message going to one of them ({@link RoleStream}:
 * acknowledged after its handler, claimed back from a dead consumer, handed over once by message
 * id). {@link #observe} reads the whole stream without a group ({@link SessionStream}). Either way
 * the messages are queued in a {@link Mailbox} like the in-process bus's, with the same bounded
 * capacity, overflow policy and counters, drained by one {@link WorkerPool}.
 */
public final class RedisMessageBus implements MailboxBus {
    /** The session's next seq; a new counter starts after the seq the journal already has. */
    private static final String NEXT_SEQ = """
            if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
            return redis.call('INCR', KEYS[1])""";
    /** Numbers and appends a draft in one step, for a bus that has no journal to call in between. */
    private static final String APPEND_NEXT = """
            if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
            local seq = redis.call('INCR', KEYS[1])
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'seq', seq, 'message', ARGV[3])
            return seq""";
    /** Gives a seq back, unless a later one was taken since. */
    private static final String RETURN_SEQ = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DECR', KEYS[1]) end
            return 0""";
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final BusSettings settings;
    private final RedisSettings redis;
    private final StreamKeys keys;
    private final BusCounters counters;
    /** Whether a journal hook must see each message between its numbering and its append. */
    private final boolean journaled;
    private final RedisClient client;
    /** The publisher's own client, so that its round trips never wait on an event loop busy with the readers' streams. */
    private final RedisClient publisherClient;
    private final StatefulRedisConnection<String, String> commands;
    private final XAddArgs trimmed;
    private final String processName;
    private final WorkerPool workers;
    /** What the subscriptions read, decoded once for all of them. */
    private final DecodedEntries decoded = new DecodedEntries();
    private final ConcurrentHashMap<SessionId, SessionChannel> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Subscriber, StreamSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Mailboxes mailboxes;
    private volatile boolean closed;

    /** Connects to {@code redis.uri()}; fails at once when Redis does not answer. */
    public RedisMessageBus(BusSettings settings, RedisSettings redis) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new StreamKeys(redis.keyPrefix());
        this.counters = new BusCounters(settings);
        this.journaled = settings.journal() != JournalHook.NONE;
        this.processName = ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.trimmed = XAddArgs.Builder.maxlen(redis.maxLength()).approximateTrimming();
        this.client = redis.newClient();
        this.publisherClient = redis.newClient();
        this.commands = publisherClient.connect(named("publisher"));
        this.workers = new WorkerPool("redis-bus", settings.mailboxWorkers(), settings.mailboxThreads());
        this.mailboxes = new Mailboxes(settings, counters, workers, mailbox -> disconnect(subscriptions.get(mailbox.subscriber())), this::open);
    }

    @Override
    public Mailboxes mailboxes() { return mailboxes; }

    @Override
    public AgentMessage publish(AgentMessage draft) {
        if (draft.isSequenced()) throw new IllegalArgumentException("draft: already carries seq " + draft.seq() + "; publish a draft");
        requireOpen();
        counters.checkGuards(draft);
        SessionChannel channel = channelOf(draft.sessionId());
        String draftJson = StreamEntry.draftJson(draft);
        channel.lock.lock();
        try {
            AgentMessage sequenced = journaled ? numberJournalAndAppend(draft, draftJson, channel) : numberAndAppend(draft, draftJson, channel);
            counters.countPublished();
            return sequenced;
        } finally {
            channel.lock.unlock();
        }
    }

    /** One round trip: the script takes the seq and appends. */
    private AgentMessage numberAndAppend(AgentMessage draft, String draftJson, SessionChannel channel) {
        long seq = commands.sync().eval(APPEND_NEXT, ScriptOutputType.INTEGER, new String[] {channel.seqKey, channel.streamKey},
                Long.toString(channel.journaledSeq), Long.toString(redis.maxLength()), draftJson);
        return draft.sequenced(seq);
    }

    /** Two round trips, with the journal between them: nothing reaches the stream that the journal did not take. */
    private AgentMessage numberJournalAndAppend(AgentMessage draft, String draftJson, SessionChannel channel) {
        RedisCommands<String, String> sync = commands.sync();
        long seq = sync.eval(NEXT_SEQ, ScriptOutputType.INTEGER, new String[] {channel.seqKey}, Long.toString(channel.journaledSeq));
        AgentMessage sequenced = draft.sequenced(seq);
        journal(sequenced, channel);
        sync.xadd(channel.streamKey, trimmed, StreamEntry.fieldsOf(sequenced, draftJson));
        return sequenced;
    }

    /** Whether Redis answers, and how every consumer of every role of the sessions this bus serves is doing. */
    public RedisBusHealth health() {
        try {
            RedisCommands<String, String> sync = commands.sync();
            sync.ping();
            Set<SessionId> sessions = new TreeSet<>(Comparator.comparing(SessionId::value));
            sessions.addAll(channels.keySet());
            for (Subscriber subscriber : subscriptions.keySet()) sessions.add(subscriber.session());
            List<RedisBusHealth.ConsumerHealth> consumers = new ArrayList<>();
            Set<String> connected = ConsumerGroups.connectionNames(sync);
            for (SessionId session : sessions) consumers.addAll(ConsumerGroups.consumersOf(sync, session, keys.stream(session), redis.keyPrefix(), connected));
            return new RedisBusHealth(true, "", consumers);
        } catch (RedisException unreachable) {
            return new RedisBusHealth(false, unreachable.getMessage(), List.of());
        }
    }

    @Override
    public BusStats stats() {
        List<BusStats.SubscriberStats> subscribers = new ArrayList<>();
        for (StreamSubscription subscription : subscriptions.values()) subscribers.add(subscription.mailbox().stats());
        return counters.stats(subscribers);
    }

    /** The name Redis knows a subscriber's connection by ({@code CLIENT LIST}), so an operator can find it. */
    public String connectionName(Subscriber subscriber) {
        return ConsumerGroups.connectionName(redis.keyPrefix(), consumerName(subscriber), subscriber.isObserver() ? "observer" : subscriber.role().name());
    }

    /** The subscriber's name in its role's group: unique to this bus in this process. */
    private String consumerName(Subscriber subscriber) { return processName + "#" + subscriber.number(); }

    /**
     * Deletes every key under the prefix of {@code settings}: the streams, counters and markers of a
     * desk that is retired, or of a test or bench run that is over. No bus may be using them.
     *
     * @return how many keys were deleted
     */
    public static long deleteKeys(RedisSettings settings) {
        RedisClient client = RedisClient.create(settings.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> sync = connection.sync();
            long deleted = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = sync.scan(cursor, ScanArgs.Builder.matches(new StreamKeys(settings.keyPrefix()).pattern()).limit(1000));
                if (!page.getKeys().isEmpty()) deleted += sync.del(page.getKeys().toArray(String[]::new));
                cursor = page;
            } while (!cursor.isFinished());
            return deleted;
        } finally {
            client.shutdown();
        }
    }

    /** Stops every subscription, then the bus's threads and connections. */
    @Override
    public void close() {
        closed = true;
        List<StreamSubscription> stopping = List.copyOf(subscriptions.values());
        subscriptions.clear();
        for (StreamSubscription subscription : stopping) subscription.stop();
        workers.close();
        try {
            for (StreamSubscription subscription : stopping) subscription.awaitStopped(CLOSE_WAIT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        commands.close();
        publisherClient.shutdown(Duration.ZERO, CLOSE_WAIT);
        client.shutdown(Duration.ZERO, CLOSE_WAIT);
    }

    /** Ends a subscription for good: its subscriber closed it, or it lagged under the DISCONNECT policy. */
    void disconnect(StreamSubscription subscription) {
        if (subscription != null && subscriptions.remove(subscription.mailbox().subscriber(), subscription)) subscription.stop();
    }

    void countOverflow() { counters.countOverflow(); }

    /** Starts a reader of the subscriber's stream, on a connection of its own, that queues what it reads in the mailbox. */
    private Mailbox open(Subscriber subscriber, Consumer<AgentMessage> handler) {
        requireOpen();
        StatefulRedisConnection<String, String> connection = client.connect(named(connectionName(subscriber)));
        try {
            StreamSource source = sourceFor(subscriber, connection.sync());
            Mailbox mailbox = mailboxes.mailbox(subscriber, message -> {
                try {
                    handler.accept(message);
                } finally {
                    source.handled(message);
                }
            });
            StreamSubscription subscription = new StreamSubscription(mailbox, source, connection, settings, redis, this);
            subscriptions.put(subscriber, subscription);
            subscription.start();
            return mailbox;
        } catch (RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }

    private StreamSource sourceFor(Subscriber subscriber, RedisCommands<String, String> sync) {
        String stream = keys.stream(subscriber.session());
        if (subscriber.isObserver()) return new SessionStream(stream, SessionStream.lastEntryOf(sync, stream), redis, decoded);
        RoleStream.ensureGroup(sync, stream, subscriber.role());
        return new RoleStream(subscriber.session(), subscriber.role(), consumerName(subscriber), keys, redis, decoded);
    }

    private void journal(AgentMessage sequenced, SessionChannel channel) {
        try {
            counters.journal(sequenced);
        } catch (RuntimeException failure) {
            commands.sync().eval(RETURN_SEQ, ScriptOutputType.INTEGER, new String[] {channel.seqKey}, Long.toString(sequenced.seq()));
            throw failure;
        }
    }

    private RedisURI named(String connectionName) {
        return RedisURI.builder(redis.uri()).withClientName(connectionName).build();
    }

    private SessionChannel channelOf(SessionId session) {
        SessionChannel channel = channels.get(session);
        return channel != null ? channel : channels.computeIfAbsent(session, this::newChannel);
    }

    private SessionChannel newChannel(SessionId session) {
        return new SessionChannel(keys.stream(session), keys.seq(session), settings.lastSeqOf().applyAsLong(session));
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the bus is closed");
    }

    /** One session as this process publishes to it; the lock keeps its seq, journal and stream in one order here. */
    private static final class SessionChannel {
        final ReentrantLock lock = new ReentrantLock();
        final String streamKey;
        final String seqKey;
        /** What the journal already holds, where a counter that Redis does not have yet starts. */
        final long journaledSeq;

        SessionChannel(String streamKey, String seqKey, long journaledSeq) {
            if (journaledSeq < 0) throw new IllegalArgumentException("journaledSeq: must not be negative, was " + journaledSeq);
            this.streamKey = streamKey;
            this.seqKey = seqKey;
            this.journaledSeq = journaledSeq;
        }
    }
}
