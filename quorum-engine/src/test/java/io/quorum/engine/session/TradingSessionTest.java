package io.quorum.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingSessionTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T14:30:00Z"));
    private final TradingSession session = new TradingSession(SessionId.of("s1"), Ticker.of("AAPL"), AutoTradingConfig.defaults(), clock);

    /** Every (state, event) pair: where it leads, or REFUSED. */
    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource(textBlock = """
            IDLE,         START_ANALYSIS,       ANALYZING
            IDLE,         ANALYSIS_COMPLETE,    REFUSED
            IDLE,         APPROVE,              REFUSED
            IDLE,         REJECT,               REFUSED
            IDLE,         REANALYSIS_COMPLETE,  REFUSED
            IDLE,         ENABLE_AUTO_TRADING,  REFUSED
            IDLE,         DISABLE_AUTO_TRADING, REFUSED
            IDLE,         STOP,                 STOPPED
            ANALYZING,    START_ANALYSIS,       REFUSED
            ANALYZING,    ANALYSIS_COMPLETE,    PROPOSAL
            ANALYZING,    APPROVE,              REFUSED
            ANALYZING,    REJECT,               REFUSED
            ANALYZING,    REANALYSIS_COMPLETE,  REFUSED
            ANALYZING,    ENABLE_AUTO_TRADING,  REFUSED
            ANALYZING,    DISABLE_AUTO_TRADING, REFUSED
            ANALYZING,    STOP,                 STOPPED
            PROPOSAL,     START_ANALYSIS,       REFUSED
            PROPOSAL,     ANALYSIS_COMPLETE,    REFUSED
            PROPOSAL,     APPROVE,              AUTO_TRADING
            PROPOSAL,     REJECT,               RE_ANALYZING
            PROPOSAL,     REANALYSIS_COMPLETE,  REFUSED
            PROPOSAL,     ENABLE_AUTO_TRADING,  REFUSED
            PROPOSAL,     DISABLE_AUTO_TRADING, REFUSED
            PROPOSAL,     STOP,                 STOPPED
            RE_ANALYZING, START_ANALYSIS,       REFUSED
            RE_ANALYZING, ANALYSIS_COMPLETE,    REFUSED
            RE_ANALYZING, APPROVE,              REFUSED
            RE_ANALYZING, REJECT,               REFUSED
            RE_ANALYZING, REANALYSIS_COMPLETE,  PROPOSAL
            RE_ANALYZING, ENABLE_AUTO_TRADING,  REFUSED
            RE_ANALYZING, DISABLE_AUTO_TRADING, REFUSED
            RE_ANALYZING, STOP,                 STOPPED
            AUTO_TRADING, START_ANALYSIS,       REFUSED
            AUTO_TRADING, ANALYSIS_COMPLETE,    REFUSED
            AUTO_TRADING, APPROVE,              REFUSED
            AUTO_TRADING, REJECT,               REFUSED
            AUTO_TRADING, REANALYSIS_COMPLETE,  REFUSED
            AUTO_TRADING, ENABLE_AUTO_TRADING,  AUTO_TRADING
            AUTO_TRADING, DISABLE_AUTO_TRADING, AUTO_TRADING
            AUTO_TRADING, STOP,                 STOPPED
            STOPPED,      START_ANALYSIS,       REFUSED
            STOPPED,      ANALYSIS_COMPLETE,    REFUSED
            STOPPED,      APPROVE,              REFUSED
            STOPPED,      REJECT,               REFUSED
            STOPPED,      REANALYSIS_COMPLETE,  REFUSED
            STOPPED,      ENABLE_AUTO_TRADING,  REFUSED
            STOPPED,      DISABLE_AUTO_TRADING, REFUSED
            STOPPED,      STOP,                 REFUSED
            """)
    void every_command_is_allowed_or_refused_as_the_table_says(SessionState from, SessionEvent event, String expected) {
        driveTo(from);
        List<SessionChange> heard = new ArrayList<>();
        session.addListener(heard::add);

        Transition transition = fire(event);

        if (expected.equals("REFUSED")) {
            assertThat(transition).isInstanceOfSatisfying(Transition.Refused.class, refused -> {
                assertThat(refused.state()).isEqualTo(from);
                assertThat(refused.event()).isEqualTo(event);
                assertThat(refused.reason()).isNotBlank();
            });
            assertThat(session.state()).isEqualTo(from);
            assertThat(heard).isEmpty();
        } else {
            SessionState to = SessionState.valueOf(expected);
            assertThat(transition).isInstanceOfSatisfying(Transition.Moved.class, moved -> {
                assertThat(moved.change().from()).isEqualTo(from);
                assertThat(moved.change().to()).isEqualTo(to);
            });
            assertThat(session.state()).isEqualTo(to);
            assertThat(heard).singleElement().satisfies(change -> assertThat(change.event()).isEqualTo(event));
        }
    }

    @Test
    void the_table_covers_every_state_and_event_exactly_once() throws NoSuchMethodException {
        String table = getClass().getDeclaredMethod("every_command_is_allowed_or_refused_as_the_table_says", SessionState.class, SessionEvent.class, String.class)
                .getAnnotation(CsvSource.class).textBlock();
        List<String> pairs = table.lines().filter(line -> !line.isBlank())
                .map(line -> line.split(",")[0].strip() + " " + line.split(",")[1].strip()).toList();

        List<String> everyPair = new ArrayList<>();
        for (SessionState state : SessionState.values()) {
            for (SessionEvent event : SessionEvent.values()) everyPair.add(state + " " + event);
        }
        assertThat(pairs).containsExactlyInAnyOrderElementsOf(everyPair);
    }

    @Test
    void approving_enters_auto_trading_with_the_switch_off_until_enabled() {
        driveTo(SessionState.PROPOSAL);

        session.approve();
        assertThat(session.state()).isEqualTo(SessionState.AUTO_TRADING);
        assertThat(session.isTradingAllowed()).isFalse();

        session.enableAutoTrading();
        assertThat(session.isTradingAllowed()).isTrue();
        assertThat(session.isAutoTradingEnabled()).isTrue();
    }

    @Test
    void disabling_takes_trading_authority_back_before_any_listener_runs() {
        driveTo(SessionState.AUTO_TRADING);
        session.enableAutoTrading();
        List<Boolean> allowedWhenListenerRan = new ArrayList<>();
        session.addListener(change -> allowedWhenListenerRan.add(session.isTradingAllowed()));

        Transition transition = session.disableAutoTrading();

        assertThat(session.isTradingAllowed()).isFalse();
        assertThat(session.state()).isEqualTo(SessionState.AUTO_TRADING);
        assertThat(allowedWhenListenerRan).containsExactly(false);
        assertThat(((Transition.Moved) transition).change().describe()).isEqualTo("auto-trading switched off");
    }

    @Test
    void a_rejection_carries_the_users_reason_into_re_analysis() {
        driveTo(SessionState.PROPOSAL);

        Transition transition = session.reject("  stop too wide ");

        assertThat(session.state()).isEqualTo(SessionState.RE_ANALYZING);
        assertThat(session.rejectionReason()).contains("stop too wide");
        assertThat(((Transition.Moved) transition).change().detail()).isEqualTo("stop too wide");
    }

    @Test
    void a_rejection_without_a_reason_is_a_programming_error() {
        driveTo(SessionState.PROPOSAL);

        assertThatThrownBy(() -> session.reject(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(session.state()).isEqualTo(SessionState.PROPOSAL);
    }

    @Test
    void re_analysis_replaces_the_proposal() {
        driveTo(SessionState.RE_ANALYZING);
        Proposal second = proposal("AAPL");

        session.reanalysisComplete(second);

        assertThat(session.state()).isEqualTo(SessionState.PROPOSAL);
        assertThat(session.proposal()).contains(second);
    }

    @Test
    void hitting_the_max_loss_stops_the_session_and_trading_with_it() {
        driveTo(SessionState.AUTO_TRADING);
        session.enableAutoTrading();
        List<SessionChange> heard = new ArrayList<>();
        session.addListener(heard::add);

        session.stop(StopReason.MAX_LOSS_HIT);

        assertThat(session.state()).isEqualTo(SessionState.STOPPED);
        assertThat(session.isTradingAllowed()).isFalse();
        assertThat(session.isAutoTradingEnabled()).isFalse();
        assertThat(session.stopReason()).contains(StopReason.MAX_LOSS_HIT);
        assertThat(StopReason.MAX_LOSS_HIT.code()).isEqualTo("max_loss_hit");
        assertThat(heard).singleElement().satisfies(change -> {
            assertThat(change.tradingAllowed()).isFalse();
            assertThat(change.detail()).isEqualTo("the maximum daily loss was hit");
            assertThat(change.at()).isEqualTo(clock.now());
        });
    }

    @Test
    void a_failing_listener_is_counted_and_the_others_still_hear() {
        List<SessionChange> heard = new ArrayList<>();
        session.addListener(change -> { throw new IllegalStateException("journal down"); });
        session.addListener(heard::add);

        session.startAnalysis();

        assertThat(session.listenerFailures()).isEqualTo(1);
        assertThat(heard).hasSize(1);
        assertThat(session.state()).isEqualTo(SessionState.ANALYZING);
    }

    @Test
    void a_proposal_for_another_ticker_is_a_programming_error() {
        driveTo(SessionState.ANALYZING);

        assertThatThrownBy(() -> session.analysisComplete(proposal("MSFT"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(session.state()).isEqualTo(SessionState.ANALYZING);
    }

    @Test
    void a_stopped_session_explains_that_it_is_over() {
        session.stop(StopReason.USER);

        assertThat(session.startAnalysis()).isEqualTo(new Transition.Refused(SessionState.STOPPED, SessionEvent.START_ANALYSIS, "the session is stopped; start a new one"));
    }

    @Test
    void a_command_out_of_turn_says_what_it_could_not_do() {
        assertThat(session.approve()).isEqualTo(new Transition.Refused(SessionState.IDLE, SessionEvent.APPROVE, "cannot approve while the session is IDLE"));
    }

    private void driveTo(SessionState target) {
        switch (target) {
            case IDLE -> { }
            case ANALYZING -> session.startAnalysis();
            case PROPOSAL -> {
                session.startAnalysis();
                session.analysisComplete(proposal("AAPL"));
            }
            case RE_ANALYZING -> {
                driveTo(SessionState.PROPOSAL);
                session.reject("too early");
            }
            case AUTO_TRADING -> {
                driveTo(SessionState.PROPOSAL);
                session.approve();
            }
            case STOPPED -> session.stop(StopReason.USER);
        }
        assertThat(session.state()).isEqualTo(target);
    }

    private Transition fire(SessionEvent event) {
        return switch (event) {
            case START_ANALYSIS -> session.startAnalysis();
            case ANALYSIS_COMPLETE -> session.analysisComplete(proposal("AAPL"));
            case APPROVE -> session.approve();
            case REJECT -> session.reject("not convinced");
            case REANALYSIS_COMPLETE -> session.reanalysisComplete(proposal("AAPL"));
            case ENABLE_AUTO_TRADING -> session.enableAutoTrading();
            case DISABLE_AUTO_TRADING -> session.disableAutoTrading();
            case STOP -> session.stop(StopReason.USER);
        };
    }

    private static Proposal proposal(String ticker) {
        return new Proposal(ProposalId.random(), TradeAction.OPEN_LONG, Ticker.of(ticker), Direction.LONG, Size.shares(100), Price.parse("178.50"),
                Price.parse("175.00"), Price.parse("190.00"), null, "Broke above the 200-day SMA on volume", "Buy 100 " + ticker);
    }
}
