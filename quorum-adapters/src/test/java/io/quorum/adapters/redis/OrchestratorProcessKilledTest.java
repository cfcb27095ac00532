package io.quorum.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorum.adapters.testing.RequiresService;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.port.DecisionFence.Admission;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The orchestrator's process is killed outright (SIGKILL): a standby takes the lease, and no decision of the dead one passes the fence after it. */
@RequiresService("redis")
class OrchestratorProcessKilledTest {
    private static final SessionId SESSION = SessionId.of("killed-orchestrator");
    private static final Duration LEASE = Duration.ofMillis(3_000);

    private static RedisTestServer redis;

    @BeforeAll static void connect() { redis = new RedisTestServer(); }

    @AfterAll static void cleanUp() { redis.close(); }

    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @Test
    void a_standby_takes_the_lease_of_a_killed_orchestrator_and_the_dead_ones_decision_is_refused() throws Exception {
        RedisSettings settings = redis.freshSettings();
        Process holder = startHolder(settings);
        try (RedisOrchestratorLease standby = new RedisOrchestratorLease(settings, LEASE)) {
            long deadToken = grantedTokenOf(holder);
            standby.hold(SESSION);
            ProposalId decidedBeforeDeath = ProposalId.random();
            assertThat(standby.admit(SESSION, decidedBeforeDeath, deadToken)).as("the holder's decision while it lives").isEqualTo(Admission.ADMITTED);
            // Longer than a grant lasts: the live holder renews it, and the standby waits.
            await().during(LEASE.plusMillis(500)).atMost(LEASE.multipliedBy(2)).until(() -> standby.token(SESSION) < 0);

            holder.destroyForcibly().waitFor();
            await().atMost(LEASE.multipliedBy(3)).until(() -> standby.token(SESSION) > 0);
            long standbyToken = standby.token(SESSION);

            assertThat(standbyToken).isGreaterThan(deadToken);
            ProposalId decidedLate = ProposalId.random();
            assertThat(standby.admit(SESSION, decidedLate, deadToken)).as("a decision the dead holder made, arriving late").isEqualTo(Admission.DEPOSED);
            assertThat(standby.admit(SESSION, decidedBeforeDeath, standbyToken)).as("the standby deciding it again").isEqualTo(Admission.ALREADY_ADMITTED);
            assertThat(standby.admit(SESSION, decidedLate, standbyToken)).isEqualTo(Admission.ADMITTED);
        } finally {
            holder.destroyForcibly();
        }
    }

    /** A JVM of its own, on this test's classpath. */
    private static Process startHolder(RedisSettings settings) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LeaseHolderProcess.class.getName(),
                RedisTestServer.uri(), settings.keyPrefix(), SESSION.value(), Long.toString(LEASE.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static long grantedTokenOf(Process holder) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the holder's grant").startsWith("token ");
        return Long.parseLong(line.substring("token ".length()));
    }
}
