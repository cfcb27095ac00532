package io.quorum.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.Ticker;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedFundamentalsTest {
    @Test
    void every_default_ticker_has_facts_and_its_sector_averages() {
        SimulatedFundamentals provider = new SimulatedFundamentals();
        for (TickerProfile profile : TickerProfile.defaults()) {
            Fundamentals facts = provider.fundamentals(profile.ticker()).orElseThrow();
            assertThat(facts.sector()).isNotBlank();
            assertThat(facts.priceToEarnings()).isPositive();
            assertThat(facts.sectorPriceToEarnings()).isPositive();
        }
        assertThat(provider.fundamentals(Ticker.of("NVDA")).orElseThrow().epsGrowth())
                .isGreaterThan(provider.fundamentals(Ticker.of("NVDA")).orElseThrow().sectorEpsGrowth());
    }

    @Test
    void other_simulated_tickers_get_seeded_plausible_facts_and_unknown_ones_none() {
        SimulatedFundamentals provider = new SimulatedFundamentals(List.of(Ticker.of("ACME")), 7);
        Fundamentals acme = provider.fundamentals(Ticker.of("ACME")).orElseThrow();
        assertThat(acme.priceToEarnings().doubleValue()).isBetween(12.0, 52.0);
        assertThat(acme).isEqualTo(new SimulatedFundamentals(List.of(Ticker.of("ACME")), 7).fundamentals(Ticker.of("ACME")).orElseThrow());
        assertThat(provider.fundamentals(Ticker.of("ZZZZ"))).isEmpty();
    }
}
