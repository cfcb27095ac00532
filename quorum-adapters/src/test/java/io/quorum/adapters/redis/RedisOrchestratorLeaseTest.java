package io.quorum.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.SetArgs;
import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.DecisionFence.Admission;
import io.quorum.engine.port.OrchestratorLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two orchestrators of one session on one Redis: one holds the lease at a time, and only its decisions pass the fence, once each. */
@RequiresService("redis")
class RedisOrchestratorLeaseTest {
    private static final SessionId SESSION = SessionId.of("leased-session");
    private static final Duration SHORT_LEASE = Duration.ofMillis(2_100);

    private static RedisTestServer redis;
    private final List<RedisOrchestratorLease> leases = new ArrayList<>();
    private RedisSettings settings;

    @BeforeAll static void connect() { redis = new RedisTestServer(); }

    @AfterAll static void cleanUp() { redis.close(); }

    @BeforeEach void freshPrefix() { settings = redis.freshSettings(); }

    @AfterEach void closeLeases() { leases.forEach(RedisOrchestratorLease::close); }

    @Test
    void one_orchestrator_holds_a_session_and_the_other_waits() {
        RedisOrchestratorLease first = lease();
        long token = granted(first);

        RedisOrchestratorLease second = lease();
        second.hold(SESSION);

        assertThat(token).isPositive();
        // Longer than one grant lasts: the holder renews it, the other keeps waiting.
        await().during(SHORT_LEASE.multipliedBy(2)).atMost(SHORT_LEASE.multipliedBy(3))
                .until(() -> second.token(SESSION) == OrchestratorLease.NOT_HELD && first.token(SESSION) == token);
        assertThat(redis.commands().get(new StreamKeys(settings.keyPrefix()).lease(SESSION))).isEqualTo(first.holder() + "/" + token);
    }

    @Test
    void a_stalled_orchestrator_is_deposed_and_its_late_decision_is_refused_by_the_fence() {
        StreamKeys keys = new StreamKeys(settings.keyPrefix());
        // The first orchestrator took the session, then froze: its grant stands in Redis, and nobody renews it.
        long frozenToken = redis.commands().incr(keys.grants(SESSION));
        redis.commands().set(keys.lease(SESSION), "frozen-process/" + frozenToken, SetArgs.Builder.px(SHORT_LEASE.toMillis()));
        RedisOrchestratorLease standby = lease();
        ProposalId decidedLate = ProposalId.random();

        standby.hold(SESSION);
        assertThat(standby.admit(SESSION, ProposalId.random(), frozenToken)).as("while its grant lasts").isEqualTo(Admission.ADMITTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> standby.token(SESSION) > 0);
        long standbyToken = standby.token(SESSION);

        assertThat(standbyToken).isGreaterThan(frozenToken);
        assertThat(standby.admit(SESSION, decidedLate, frozenToken)).isEqualTo(Admission.DEPOSED);
        assertThat(standby.admit(SESSION, decidedLate, standbyToken)).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void a_decision_seen_by_two_processes_is_admitted_once() {
        RedisOrchestratorLease holder = lease();
        long token = granted(holder);
        ProposalId proposal = ProposalId.random();
        RedisOrchestratorLease other = lease();

        assertThat(holder.admit(SESSION, proposal, token)).isEqualTo(Admission.ADMITTED);
        assertThat(other.admit(SESSION, proposal, token)).isEqualTo(Admission.ALREADY_ADMITTED);
        assertThat(holder.admit(SESSION, proposal, token)).isEqualTo(Admission.ALREADY_ADMITTED);
    }

    @Test
    void a_released_lease_goes_to_the_standby_without_waiting_for_it_to_expire() {
        RedisOrchestratorLease leaving = lease();
        RedisOrchestratorLease standby = lease();
        long firstToken = granted(leaving);
        standby.hold(SESSION);

        leaving.release(SESSION);

        // Well before the released grant would have expired.
        await().atMost(SHORT_LEASE).until(() -> standby.token(SESSION) > firstToken);
        assertThat(leaving.token(SESSION)).isEqualTo(OrchestratorLease.NOT_HELD);
    }

    @Test
    void a_decision_carrying_no_grant_of_the_lease_never_passes() {
        RedisOrchestratorLease holder = lease();
        granted(holder);

        assertThat(holder.admit(SESSION, ProposalId.random(), OrchestratorLease.SOLE_TOKEN)).isEqualTo(Admission.DEPOSED);
        assertThat(holder.admit(SESSION, ProposalId.random(), OrchestratorLease.NOT_HELD)).isEqualTo(Admission.DEPOSED);
    }

    /** Asks for the session and waits for the grant: the first to ask gets it. */
    private static long granted(RedisOrchestratorLease lease) {
        lease.hold(SESSION);
        await().atMost(Duration.ofSeconds(5)).until(() -> lease.token(SESSION) > 0);
        return lease.token(SESSION);
    }

    private RedisOrchestratorLease lease() {
        RedisOrchestratorLease lease = new RedisOrchestratorLease(settings, SHORT_LEASE);
        leases.add(lease);
        return lease;
    }
}
