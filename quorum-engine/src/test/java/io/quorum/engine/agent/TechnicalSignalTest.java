package io.quorum.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Tick;
import io.quorum.engine.market.Ticker;
import io.quorum.engine.market.signal.IndicatorSignal;
import io.quorum.engine.market.signal.MarketEvent;
import io.quorum.engine.market.signal.SignalKind;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Money;
import io.quorum.engine.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Technical sizes a signal's trade by the signal's strength times the sizing rule (here 200 shares). */
class TechnicalSignalTest {
    private static final Ticker AAPL = Ticker.of("AAPL");
    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");
    private final FakeDeskView desk = new FakeDeskView();
    private final RecordingBus bus = new RecordingBus();
    private TechnicalAgent technical;

    @BeforeEach
    void calm_uptrend() {
        desk.technical = FakeDeskView.calmUptrend();
        desk.suggestedShares = 200;
        technical = new TechnicalAgent(new AgentContext(SessionId.of("s1"), AAPL, bus, new ManualClock(NOW), desk));
    }

    @ParameterizedTest(name = "a breakout on {0}× volume, holding {1} shares: {2} {3} shares")
    @CsvSource(delimiter = '|', textBlock = """
            8.0 |   0 | OPEN_LONG | 200
            1.0 |   0 | OPEN_LONG | 100
            0.0 |   0 | OPEN_LONG |  50
            3.0 | 100 | INCREASE  | 200
            1.2 | 100 | INCREASE  | 120
            """)
    void the_size_follows_the_signals_strength_and_the_sizing_rule(double relativeVolume, long held, TradeAction action, long shares) {
        desk.exposure = new DeskView.Exposure(Money.ofDollars(100_000), held, Money.ofDollars(held * 100), Money.ofDollars(held * 100), Money.ZERO);

        technical.onSignal(new IndicatorSignal(AAPL, NOW, SignalKind.BREAKOUT_HIGH, 101_500_000, BigDecimal.valueOf(101), relativeVolume,
                "AAPL broke above its 20-day high ($101.00)"));
        sentimentAnswers();

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.action()).isEqualTo(action);
        assertThat(proposal.size()).isEqualTo(Size.shares(shares));
        assertThat(proposal.rationale()).contains("× the sizing rule's 200 shares");
    }

    @Test
    void news_against_the_move_halves_the_signals_size() {
        technical.onSignal(new IndicatorSignal(AAPL, NOW, SignalKind.BREAKOUT_HIGH, 101_500_000, BigDecimal.valueOf(101), 8.0,
                "AAPL broke above its 20-day high ($101.00)"));
        sentimentAnswers("Negative news. News sentiment score: 0.25 (negative).");

        Proposal proposal = (Proposal) bus.published.getLast().content();
        assertThat(proposal.size()).isEqualTo(Size.shares(100));
        assertThat(proposal.rationale()).contains("halved because Sentiment reports negative news against the move");
    }

    @Test
    void a_volume_spike_on_a_price_a_full_atr_from_the_open_starts_a_conversation() {
        desk.lastTick = tick(102_600_000);

        technical.onVolumeSpike(spike(6.0));

        Alert alert = (Alert) bus.published.getLast().content();
        assertThat(alert.kind()).isEqualTo(Alert.AlertKind.VOLUME_SPIKE);
        assertThat(alert.text()).endsWith("with the price up 1.3 ATR from today's open ($100.00)");
        sentimentAnswers();
        assertThat(((Proposal) bus.published.getLast().content()).size()).isEqualTo(Size.shares(200));
    }

    @Test
    void a_volume_spike_on_a_flat_price_is_noise() {
        desk.lastTick = tick(100_400_000);

        technical.onVolumeSpike(spike(6.0));
        sentimentAnswers();

        assertThat(bus.published).isEmpty();
    }

    private void sentimentAnswers() { sentimentAnswers("No news behind it. News sentiment score: 0.50 (neutral)."); }

    private void sentimentAnswers(String answer) {
        technical.onMessage(AgentMessage.draft(SessionId.of("s1"), AgentRole.SENTIMENT, Recipients.all(),
                Update.of(Update.UpdateKind.OBSERVATION, AAPL, answer), NOW).sequenced(9));
    }

    private static MarketEvent.VolumeSpike spike(double multiple) {
        return new MarketEvent.VolumeSpike(AAPL, NOW, 60_000, 10_000, multiple, "AAPL traded 60,000 shares in the minute to 10:30, 6.0× its 20-bar average");
    }

    private static Tick tick(long lastMicros) {
        return new Tick(AAPL, NOW.toEpochMilli(), lastMicros, lastMicros - 10_000, lastMicros + 10_000, 100);
    }
}
