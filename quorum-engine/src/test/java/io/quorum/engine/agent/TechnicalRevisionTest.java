package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.money.Price;
import io.quorum.engine.time.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rejected card comes back answering the user's reason. The chart: $100, ATR $2, so the plain card
 * buys the sizing rule's 100 shares with a stop at $96 (2 ATR) and a target at $106 (3 ATR).
 */
class TechnicalRevisionTest {
    private final FakeDeskView desk = new FakeDeskView();
    private TechnicalAgent technical;
    private Proposal card;

    @BeforeEach
    void the_user_has_seen_the_plain_card() {
        desk.technical = FakeDeskView.calmUptrend();
        technical = new TechnicalAgent(new AgentContext(SessionId.of("s1"), Ticker.of("AAPL"), new RecordingBus(), new ManualClock(Instant.EPOCH), desk));
        card = technical.propose(null);
        assertThat(card.size().sharesGiven(0)).isEqualTo(100);
        assertThat(card.stop()).isEqualTo(Price.parse("96"));
        assertThat(card.target()).isEqualTo(Price.parse("106"));
    }

    @Test
    void stop_too_wide_brings_a_tighter_stop_and_keeps_the_size_and_the_target() {
        Proposal revised = technical.propose("stop too wide");

        assertThat(revised.stop()).isEqualTo(Price.parse("97"));
        assertThat(revised.size()).isEqualTo(card.size());
        assertThat(revised.target()).isEqualTo(card.target());
        assertThat(revised.rationale()).contains("read as 'stop too wide'").contains("stop $96.00 → $97.00").contains("size and target as before");
    }

    @Test
    void position_too_big_brings_half_the_size_and_keeps_the_stop_and_the_target() {
        Proposal revised = technical.propose("position too big");

        assertThat(revised.size().sharesGiven(0)).isEqualTo(50);
        assertThat(revised.stop()).isEqualTo(card.stop());
        assertThat(revised.target()).isEqualTo(card.target());
        assertThat(revised.rationale()).contains("read as 'position too big'").contains("size 100 → 50 shares");
    }

    @Test
    void too_risky_brings_half_the_size_and_a_tighter_stop() {
        Proposal revised = technical.propose("too risky");

        assertThat(revised.size().sharesGiven(0)).isEqualTo(50);
        assertThat(revised.stop()).isEqualTo(Price.parse("97"));
        assertThat(revised.target()).isEqualTo(card.target());
        assertThat(revised.rationale()).contains("read as 'too risky'").contains("size 100 → 50 shares, stop $96.00 → $97.00");
    }

    @Test
    void target_too_far_brings_a_nearer_target_and_keeps_the_size_and_the_stop() {
        Proposal revised = technical.propose("target too far");

        assertThat(revised.target()).isEqualTo(Price.parse("104"));
        assertThat(revised.size()).isEqualTo(card.size());
        assertThat(revised.stop()).isEqualTo(card.stop());
        assertThat(revised.rationale()).contains("read as 'target too far'").contains("target $106.00 → $104.00");
    }

    @Test
    void other_words_are_answered_as_the_nearest_concern_and_the_revision_says_which() {
        Proposal revised = technical.propose("I would not put the stop-loss that far away");

        assertThat(revised.stop()).isEqualTo(Price.parse("97"));
        assertThat(revised.rationale()).contains("read as 'stop too wide' (it names: stoploss)");
    }

    @Test
    void a_second_rejection_for_the_same_reason_revises_the_revision() {
        technical.propose("stop too wide");

        Proposal again = technical.propose("still too wide");

        assertThat(again.stop()).isEqualTo(Price.parse("98"));
        assertThat(again.rationale()).contains("stop $97.00 → $98.00");
    }

    @Test
    void a_fresh_analysis_starts_again_from_the_plain_card() {
        technical.propose("too risky");

        Proposal fresh = technical.propose(null);

        assertThat(fresh.stop()).isEqualTo(card.stop());
        assertThat(fresh.size()).isEqualTo(card.size());
    }
}
