package io.quorum.engine.desk;

import static io.quorum.engine.desk.DeskFixture.NVDA;
import static io.quorum.engine.desk.DeskFixture.USER;
import static io.quorum.engine.desk.DeskFixture.from;
import static io.quorum.engine.desk.DeskFixture.tradeExecuted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quorum.engine.journal.JournalEvent;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.portfolio.PortfolioLimits;
import io.quorum.engine.position.Position;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.ProposalAnswer;
import io.quorum.engine.reasoning.Reasoner;
import io.quorum.engine.reasoning.Reasoning;
import io.quorum.engine.reasoning.VoteAnswer;
import io.quorum.engine.simulation.ScriptedPrices;
import io.quorum.engine.simulation.SimulatedNewsFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A session watches and trades a watchlist: tickers added while it runs get agents of their own,
 * whose proposals the session's one orchestrator puts to the vote under the session's limits, and
 * the account's risk sees them whole.
 */
class WatchlistScenarioTest {
    private static final Ticker MSFT = Ticker.of("MSFT");

    @Test
    void a_ticker_added_while_the_session_trades_gets_agents_of_its_own_whose_breakout_the_desk_votes_on_and_trades() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).alsoListing("MSFT", DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(2));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());

            assertThat(session.watch(MSFT, USER)).isEqualTo(new WatchlistChange.Changed(List.of(NVDA, MSFT)));
            desk.advanceUntilSignal(MSFT, SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(about(MSFT)));
            AgentMessage request = desk.awaitSaid(session, from(AgentRole.ORCHESTRATOR, MessageType.VOTE_REQUEST)
                    .and(message -> ((VoteRequest) message.content()).proposalId().equals(((Proposal) proposal.content()).id())));
            assertThat(((VoteRequest) request.content()).terms().ticker()).isEqualTo(MSFT);
            Decision decision = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(((Proposal) proposal.content()).id()));
            assertThat(decision.outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(decision.votes()).as("each voter answered once: the agents of MSFT, not NVDA's too").hasSize(5);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session, MSFT).isPresent());

            assertThat(desk.desk.positions(session.id())).extracting(Position::ticker).containsExactlyInAnyOrder(NVDA, MSFT);
            assertThat(desk.said(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(about(NVDA))))
                    .as("NVDA's calm chart brought no proposal of its own after the analysis").hasSize(1);
            assertThat(desk.journal(session)).filteredOn(JournalEvent.WatchlistChanged.class::isInstance)
                    .containsExactly(new JournalEvent.WatchlistChanged(List.of(NVDA, MSFT)));
        }
    }

    @Test
    void a_model_worded_entry_on_a_watched_ticker_over_the_accounts_var_limit_is_vetoed_and_risks_largest_fit_is_voted_and_traded() {
        PortfolioLimits defaults = PortfolioLimits.defaults();
        PortfolioLimits tightVar = new PortfolioLimits(defaults.maxGrossExposurePct(), defaults.maxNetExposurePct(), defaults.maxSectorPct(),
                new BigDecimal("0.10"), defaults.maxStressLossPct());
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).alsoListing("MSFT", DeskFixture.breakout())
                .reasoner(new EagerTechnicalModel()).portfolioLimits(tightVar).build()) {
            desk.advance(Duration.ofMinutes(2));
            DeskSession session = desk.autoTrading();
            desk.awaitSaid(session, tradeExecuted());
            // A flat account, so that the VaR limit leaves room for MSFT alone.
            session.closePosition(NVDA, USER);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session).isEmpty());
            session.watch(MSFT, USER);
            desk.advanceUntilSignal(MSFT, SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));

            AgentMessage proposal = desk.awaitSaid(session, from(AgentRole.TECHNICAL, MessageType.PROPOSAL).and(about(MSFT)));
            assertThat(((Proposal) proposal.content()).size().amount()).isEqualByComparingTo(BigDecimal.valueOf(EagerTechnicalModel.EAGER_ENTRY));
            AgentMessage veto = desk.awaitSaid(session, from(AgentRole.RISK, MessageType.VOTE)
                    .and(message -> ((Vote) message.content()).proposalId().equals(((Proposal) proposal.content()).id())));
            assertThat(((Vote) veto.content()).choice()).isEqualTo(VoteChoice.VETO);
            assertThat(((Vote) veto.content()).reason()).contains("VaR").contains("which I put to the vote instead");
            AgentMessage counter = desk.awaitSaid(session, from(AgentRole.RISK, MessageType.PROPOSAL).and(about(MSFT)));
            Decision carried = desk.awaitDecision(session, message -> ((Decision) message.content()).proposalId().equals(((Proposal) counter.content()).id()));
            assertThat(carried.outcome()).isEqualTo(Outcome.APPROVED);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session, MSFT).isPresent());
            assertThat(desk.position(session, MSFT).orElseThrow().quantity()).isEqualTo(((Proposal) counter.content()).size().amount().longValueExact());
        }
    }

    @Test
    void a_watched_ticker_with_an_open_position_stays_until_the_position_is_closed_and_then_its_agents_go() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).alsoListing("MSFT", DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(2));
            DeskSession session = desk.autoTrading();
            session.watch(MSFT, USER);
            desk.advanceUntilSignal(MSFT, SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session, MSFT).isPresent());
            long held = desk.position(session, MSFT).orElseThrow().quantity();

            assertThat(session.unwatch(MSFT, USER)).isEqualTo(new WatchlistChange.Refused("the session holds " + held
                    + " shares of MSFT; close the position before taking it off the watchlist"));
            // While MSFT is watched, its Sentiment agent hears a breaking headline and the desk votes on halving the position.
            desk.headline(MSFT, "MSFT plunges as regulators open fraud probe", SimulatedNewsFeed.Tone.NEGATIVE);
            AgentMessage heard = desk.awaitSaid(session, from(AgentRole.SENTIMENT, MessageType.ALERT).and(about(MSFT)));
            desk.awaitSaid(session, DeskFixture.type(MessageType.DECISION).and(about(MSFT)).and(message -> message.seq() > heard.seq()));
            session.closePosition(MSFT, USER);
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(session, MSFT).isEmpty());

            assertThat(session.unwatch(MSFT, USER)).isEqualTo(new WatchlistChange.Changed(List.of(NVDA)));
            assertThat(session.watches(MSFT)).isFalse();
            long offTheList = desk.said(session, message -> true).getLast().seq();
            desk.headline(MSFT, "MSFT plunges again as the fraud probe widens", SimulatedNewsFeed.Tone.NEGATIVE);
            desk.advance(Duration.ofMinutes(10));
            assertThat(desk.said(session, about(MSFT).and(message -> message.seq() > offTheList && message.sender() != AgentRole.ORCHESTRATOR)))
                    .as("no agent speaks of MSFT once it is off the watchlist").isEmpty();
        }
    }

    @Test
    void the_sessions_own_ticker_stays_a_ticker_is_watched_once_and_one_the_feed_does_not_know_is_refused() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).alsoListing("MSFT", ScriptedPrices.startingAt("50.00")).build()) {
            desk.advance(Duration.ofMinutes(2));
            DeskSession session = desk.autoTrading();

            assertThat(session.unwatch(NVDA, USER)).isEqualTo(new WatchlistChange.Refused("NVDA is the session's own ticker, which it watches for as long as it runs"));
            assertThat(session.unwatch(MSFT, USER)).isEqualTo(new WatchlistChange.Refused("MSFT is not on the watchlist"));
            session.watch(MSFT, USER);
            assertThat(session.watch(MSFT, USER)).isEqualTo(new WatchlistChange.Refused("MSFT is already on the watchlist"));
            assertThatThrownBy(() -> session.watch(Ticker.of("ZZZZ"), USER)).isInstanceOf(TickerRefusedException.class);
            assertThat(session.watchlist()).containsExactly(NVDA, MSFT);
        }
    }

    @Test
    void a_restart_watches_the_journaled_watchlist_again_and_the_added_tickers_agents_trade_it() {
        try (DeskFixture desk = DeskFixture.on(ScriptedPrices.startingAt("100.00")).alsoListing("MSFT", DeskFixture.breakout()).build()) {
            desk.advance(Duration.ofMinutes(2));
            DeskSession before = desk.autoTrading();
            desk.awaitSaid(before, tradeExecuted());
            before.watch(MSFT, USER);

            DeskSession after = desk.restart().getFirst();

            assertThat(after.watchlist()).containsExactly(NVDA, MSFT);
            desk.advanceUntilSignal(MSFT, SignalKind.BREAKOUT_HIGH, Duration.ofMinutes(15));
            await().atMost(DeskFixture.PATIENCE).until(() -> desk.position(after, MSFT).isPresent());
        }
    }

    /** A model that words Technical's proposals, opening far bigger than any limit allows; every vote is the rules'. */
    private static final class EagerTechnicalModel implements Reasoner {
        static final long EAGER_ENTRY = 2_000;

        @Override public boolean speaksFor(AgentRole role) { return false; }

        @Override public boolean draftsFor(AgentRole role) { return role == AgentRole.TECHNICAL; }

        @Override public CompletionStage<Reasoning<VoteAnswer>> reason(Deliberation deliberation) {
            return CompletableFuture.failedFuture(new IllegalStateException("this model only words proposals"));
        }

        @Override public CompletionStage<Reasoning<DraftingAnswer>> draft(Drafting drafting) {
            Proposal ruled = drafting.ruled();
            ProposalAnswer answer = new ProposalAnswer(ruled.action(), ruled.action() == TradeAction.OPEN_LONG ? Size.shares(EAGER_ENTRY) : ruled.size(),
                    ruled.entry(), ruled.stop(), ruled.target(), "the breakout is strong: go big", new BigDecimal("0.9"));
            JournalEvent.ReasonerCalled call = new JournalEvent.ReasonerCalled(ruled.id(), drafting.role(), "scripted", "test-model", "test-model-1",
                    "technical.v1+proposal.v2", "00ff", 700, 60, 5, new BigDecimal("0.0003"), JournalEvent.ReasonerCalled.Outcome.ANSWERED, false, "{}");
            return CompletableFuture.completedFuture(new Reasoning.Answered<>(answer, call));
        }
    }

    private static Predicate<AgentMessage> about(Ticker ticker) { return message -> ticker.equals(Payload.about(message.content())); }
}
