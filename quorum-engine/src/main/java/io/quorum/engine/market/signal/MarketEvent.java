package io.quorum.engine.market.signal;

import io.quorum.engine.market.NewsItem;
import io.quorum.engine.market.Ticker;
import java.time.Instant;

/** Something the desk should know about a ticker, with a sentence a trader reads at a glance. */
public sealed interface MarketEvent permits MarketEvent.VolumeSpike, MarketEvent.NewsArrived, IndicatorSignal {
    Ticker ticker();

    Instant at();

    String text();

    /** A 1-minute bar traded {@code multiple} times the average volume of the bars before it. */
    record VolumeSpike(Ticker ticker, Instant at, long volume, long averageVolume, double multiple, String text) implements MarketEvent {
        public VolumeSpike {
            if (ticker == null || at == null || text == null) throw new IllegalArgumentException("volume spike: ticker, time and text are required");
            if (volume < 0 || averageVolume < 0) throw new IllegalArgumentException("volume spike: volumes must not be negative");
        }
    }

    record NewsArrived(NewsItem item) implements MarketEvent {
        public NewsArrived {
            if (item == null) throw new IllegalArgumentException("news item: required");
        }

        @Override public Ticker ticker() { return item.ticker(); }

        @Override public Instant at() { return item.publishedAt(); }

        @Override public String text() { return item.headline() + " (" + item.source() + ")"; }
    }
}
