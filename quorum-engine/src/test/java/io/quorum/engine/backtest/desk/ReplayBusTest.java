package io.quorum.engine.backtest.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.MalformedMessageException;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Update;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBusTest {
    private static final SessionId ORCL = SessionId.of("backtest-ORCL");
    private static final SessionId AAPL = SessionId.of("backtest-AAPL");

    private static AgentMessage said(SessionId session, AgentRole by, Recipients to, String text) {
        return AgentMessage.draft(session, by, to, Update.of(Update.UpdateKind.OBSERVATION, Ticker.of("ORCL"), text), Instant.EPOCH);
    }

    @Test
    void what_a_handler_publishes_is_delivered_after_the_message_it_handles_in_the_same_call() {
        List<String> journaled = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        ReplayBus bus = new ReplayBus(message -> journaled.add(message.seq() + " " + message.content().text()));
        bus.subscribe(ORCL, AgentRole.RISK, message -> {
            heard.add("risk " + message.content().text());
            if (message.content().text().equals("first")) bus.publish(said(ORCL, AgentRole.RISK, Recipients.all(), "answer"));
        });
        bus.observe(ORCL, message -> heard.add("observer " + message.content().text()));

        bus.publish(said(ORCL, AgentRole.TECHNICAL, Recipients.all(), "first"));
        bus.publish(said(ORCL, AgentRole.TECHNICAL, Recipients.of(AgentRole.ORCHESTRATOR), "second"));
        assertThat(heard).as("nothing is delivered before the replay asks").isEmpty();
        bus.deliverAll();

        assertThat(heard).containsExactly("risk first", "observer first", "observer second", "risk answer", "observer answer");
        assertThat(journaled).containsExactly("1 first", "2 second", "3 answer");
    }

    @Test
    void a_session_numbers_its_own_messages_and_hears_only_its_own() {
        List<String> heard = new ArrayList<>();
        ReplayBus bus = new ReplayBus(message -> { });
        bus.observe(AAPL, message -> heard.add(message.seq() + " " + message.content().text()));

        bus.publish(said(ORCL, AgentRole.TECHNICAL, Recipients.all(), "orcl"));
        bus.publish(said(AAPL, AgentRole.TECHNICAL, Recipients.all(), "aapl"));
        bus.deliverAll();

        assertThat(heard).containsExactly("1 aapl");
    }

    @Test
    void a_draft_the_sessions_guard_refuses_is_neither_journaled_nor_delivered() {
        List<AgentMessage> journaled = new ArrayList<>();
        ReplayBus bus = new ReplayBus(journaled::add);
        bus.guard(ORCL, draft -> { throw new MalformedMessageException("content", "refused: " + draft.content().text()); });

        assertThatThrownBy(() -> bus.publish(said(ORCL, AgentRole.TECHNICAL, Recipients.all(), "bad"))).hasMessageContaining("refused: bad");
        bus.deliverAll();

        assertThat(journaled).isEmpty();
    }
}
