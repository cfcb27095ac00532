package io.quorum.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import java.math.BigDecimal;
import java.time.Instant;
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

    @Test
    void an_earnings_beat_on_the_followed_news_raises_growth_and_a_miss_lowers_it_while_other_news_changes_nothing() {
        SimulatedFundamentals provider = new SimulatedFundamentals();
        SimulatedNewsFeed news = new SimulatedNewsFeed();
        provider.follow(news);
        Fundamentals before = provider.fundamentals(Ticker.of("AAPL")).orElseThrow();

        news.publish(new NewsItem(Ticker.of("AAPL"), "AAPL to present at an industry conference next week", "Market Wire", Instant.EPOCH), SimulatedNewsFeed.Tone.NEUTRAL);
        assertThat(provider.fundamentals(Ticker.of("AAPL"))).contains(before);
        news.publish(new NewsItem(Ticker.of("AAPL"), "AAPL beats quarterly estimates and raises full-year guidance", "Market Wire", Instant.EPOCH), SimulatedNewsFeed.Tone.POSITIVE);
        assertThat(provider.fundamentals(Ticker.of("AAPL")).orElseThrow().epsGrowth()).isEqualByComparingTo(before.epsGrowth().add(new BigDecimal("0.05")));
        news.publish(new NewsItem(Ticker.of("AAPL"), "AAPL misses quarterly estimates and cuts its outlook", "Market Wire", Instant.EPOCH), SimulatedNewsFeed.Tone.NEGATIVE);
        assertThat(provider.fundamentals(Ticker.of("AAPL")).orElseThrow().epsGrowth()).isEqualByComparingTo(before.epsGrowth());
    }
}
