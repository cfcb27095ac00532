package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.agent.AgentActivity;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the desk's agents say they are doing reaches its listeners, and a listener that fails holds up no agent. */
class AgentActivityScenarioTest {

    @Test
    void each_agent_reports_its_analysis_and_its_vote_even_beside_a_listener_that_fails() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).build()) {
            List<AgentActivity> heard = new CopyOnWriteArrayList<>();
            desk.desk.addListener(new DeskListener() {
                @Override public void agentActivity(AgentActivity activity) { throw new IllegalStateException("a broken screen"); }
            });
            desk.desk.addListener(new DeskListener() {
                @Override public void agentActivity(AgentActivity activity) { heard.add(activity); }
            });
            desk.advance(Duration.ofMinutes(5));

            DeskSession session = desk.analysed();
            desk.awaitSaid(session, type(MessageType.DECISION));

            for (AgentRole role : AgentRole.VOTERS) {
                assertThat(heard).as(role + "'s analysis").filteredOn(a -> a.role() == role && a.work() == AgentActivity.Work.ANALYSIS)
                        .extracting(a -> a.getClass().getSimpleName()).containsExactly("Started", "Done");
            }
            assertThat(heard).filteredOn(a -> a.work() == AgentActivity.Work.VOTE && a instanceof AgentActivity.Done).isNotEmpty();
        }
    }
}
