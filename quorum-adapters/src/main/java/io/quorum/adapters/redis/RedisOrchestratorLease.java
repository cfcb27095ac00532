package io.quorum.adapters.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.DecisionFence;
import io.quorum.engine.port.OrchestratorLease;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator's lease of each session in Redis, and the fence that checks its tokens: one
 * mechanism on the same keys, so both sides live here.
 *
 * <p>The lease is a key {@code SET NX PX} by the process that takes it, worth {@code holder/token}:
 * the token is the session's grant counter ({@code INCR}) at the grant, in the same script, so every
 * new grant has a larger token than any before. The holder renews it every third of its time to
 * live ({@code PEXPIRE} when it is still its own); a process that does not hold it asks again at the
 * same pace, and takes it once the holder stopped renewing and the key expired.
 *
 * <p>The fence lets a decision through when the lease, read in the same script, still carries the
 * decision's token, and no decision on the same proposal passed before ({@code SET NX} of a marker
 * kept as long as the stream keeps messages). A holder that stalled past its lease, and whose
 * session another process took, has its late decisions refused; a decision seen by two processes
 * passes once.
 */
public final class RedisOrchestratorLease implements OrchestratorLease, DecisionFence {
    /** Grants the lease to ARGV[1] when nobody holds it, with the next token; renews it when ARGV[1] holds it. */
    private static final String HOLD = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              local token = redis.call('INCR', KEYS[2])
              redis.call('SET', KEYS[1], ARGV[1] .. '/' .. token, 'PX', ARGV[2])
              return token
            end
            local holder, token = string.match(redis.call('GET', KEYS[1]), '^(.*)/(%d+)$')
            if holder == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return tonumber(token)
            end
            return -1""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";
    private static final String ADMIT = """
            local held = redis.call('GET', KEYS[1])
            if not held or string.match(held, '/(%d+)$') ~= ARGV[1] then return 'DEPOSED' end
            if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'ALREADY_ADMITTED' end
            return 'ADMITTED'""";
    /** How long a marker of an admitted decision stays: far longer than any round can be seen again. */
    private static final Duration ADMITTED_FOR = Duration.ofDays(7);

    private final StreamKeys keys;
    private final Duration timeToLive;
    private final String holder;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final ScheduledExecutorService renewals;
    /** The sessions asked for, each with the token of this process's grant, or NOT_HELD. */
    private final ConcurrentHashMap<SessionId, Long> tokens = new ConcurrentHashMap<>();

    /**
     * Connects to {@code redis.uri()}; fails at once when Redis does not answer.
     *
     * @param timeToLive how long a grant lasts unless renewed: how long a standby waits for a holder that died
     */
    public RedisOrchestratorLease(RedisSettings redis, Duration timeToLive) {
        Objects.requireNonNull(redis, "redis");
        if (timeToLive.compareTo(redis.commandTimeout()) <= 0) {
            throw new IllegalArgumentException("timeToLive: must be longer than a command may take, " + redis.commandTimeout() + ", was " + timeToLive);
        }
        this.keys = new StreamKeys(redis.keyPrefix());
        this.timeToLive = timeToLive;
        this.holder = ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.client = redis.newClient();
        this.connection = client.connect(RedisURI.builder(redis.uri()).withClientName(redis.keyPrefix() + ":" + holder + ":lease").build());
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("orchestrator-lease").factory());
        long every = timeToLive.toMillis() / 3;
        renewals.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The name this process holds its leases under. */
    public String holder() { return holder; }

    @Override public void hold(SessionId session) {
        if (tokens.putIfAbsent(session, NOT_HELD) == null) renewals.execute(() -> renew(session));
    }

    @Override public long token(SessionId session) { return tokens.getOrDefault(session, NOT_HELD); }

    @Override public void release(SessionId session) {
        Long token = tokens.remove(session);
        if (token == null || token == NOT_HELD) return;
        try {
            commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {keys.lease(session)}, holder + "/" + token);
        } catch (RedisException unreachable) {
            // The lease expires by itself.
        }
    }

    @Override public Admission admit(SessionId session, ProposalId proposal, long token) {
        if (token <= SOLE_TOKEN) return Admission.DEPOSED;
        try {
            String verdict = commands().eval(ADMIT, ScriptOutputType.STATUS, new String[] {keys.lease(session), keys.admitted(session, proposal)},
                    Long.toString(token), Long.toString(ADMITTED_FOR.toMillis()));
            return Admission.valueOf(verdict);
        } catch (RedisException unreachable) {
            return Admission.UNVERIFIED;
        }
    }

    /** Gives every lease up and stops renewing. */
    @Override public void close() {
        renewals.shutdownNow();
        for (SessionId session : List.copyOf(tokens.keySet())) release(session);
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private void renewAll() {
        for (SessionId session : tokens.keySet()) renew(session);
    }

    /** Asks for the lease, or renews it; while Redis does not answer this process holds nothing, since another may take the lease meanwhile. */
    private void renew(SessionId session) {
        long token;
        try {
            token = commands().eval(HOLD, ScriptOutputType.INTEGER, new String[] {keys.lease(session), keys.grants(session)},
                    holder, Long.toString(timeToLive.toMillis()));
        } catch (RedisException unreachable) {
            token = NOT_HELD;
        }
        long granted = token;
        tokens.computeIfPresent(session, (asked, previous) -> granted);
    }

    private RedisCommands<String, String> commands() { return connection.sync(); }
}
