package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import io.quorum.engine.simulation.ScriptedPrices;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the database stops, the desk stops writing and trading, says why, and picks up by itself when it is back. */
class JournalOutageScenarioTest {

    @Test
    void while_the_journal_cannot_be_written_nothing_is_said_or_traded_and_the_desk_resumes_when_it_returns() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00").hold(Duration.ofHours(2))).build()) {
            desk.advance(Duration.ofMinutes(5));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            int ordersBefore = desk.broker.submitted().size();

            desk.storage.stop();

            assertThatThrownBy(() -> propose(desk, session)).hasMessageContaining("database unavailable");
            assertThat(desk.desk.journalFault()).hasValueSatisfying(fault -> assertThat(fault).contains("cannot be written"));
            desk.advance(Duration.ofMinutes(1));
            assertThat(desk.broker.submitted()).as("no order without a saved intent").hasSize(ordersBefore);

            desk.storage.start();
            AgentMessage proposal = propose(desk, session);

            assertThat(desk.desk.journalFault()).isEmpty();
            desk.awaitDecision(session, m -> m.content() instanceof io.quorum.engine.message.Decision d
                    && d.proposalId().equals(((Proposal) proposal.content()).id()) && d.outcome() != Outcome.CANCELLED);
        }
    }

    private static AgentMessage propose(DeskFixture desk, DeskSession session) {
        Proposal add = new Proposal(ProposalId.random(), TradeAction.INCREASE, NVDA, Direction.LONG, Size.percentOfPosition("10"),
                Price.parse("100"), Price.parse("97"), Price.parse("106"), null, "adding on strength", "Increase NVDA by 10%");
        return desk.desk.bus().publish(AgentMessage.draft(session.id(), AgentRole.TECHNICAL, Recipients.all(), add, desk.clock.now()));
    }
}
