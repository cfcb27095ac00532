package io.quorum.adapters.redis;

import io.quorum.engine.message.SessionId;
import java.time.Duration;

/**
 * An orchestrator's process as the lease sees it, for a test to kill: it asks for one session's
 * lease, prints its grant's token on a line of its own once it has it, and holds the lease
 * (renewing it) until it is killed.
 *
 * <p>Arguments: the Redis address, the key prefix, the session id, the lease's time to live in ms.
 */
public final class LeaseHolderProcess {
    private LeaseHolderProcess() {}

    public static void main(String[] args) throws InterruptedException {
        RedisSettings settings = RedisSettings.of(args[0], args[1]);
        SessionId session = SessionId.of(args[2]);
        RedisOrchestratorLease lease = new RedisOrchestratorLease(settings, Duration.ofMillis(Long.parseLong(args[3])));
        lease.hold(session);
        while (lease.token(session) <= 0) Thread.sleep(10);
        System.out.println("token " + lease.token(session));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
