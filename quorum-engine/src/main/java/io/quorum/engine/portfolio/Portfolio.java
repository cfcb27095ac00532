package io.quorum.engine.portfolio;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.position.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The account seen whole: every open position of every session on it, marked at its last price.
 * Equity is cash plus the positions' signed market values; gross exposure is the sum of their market
 * values and net exposure the longs less the shorts. Exposure per ticker and per sector is net (a
 * short counts negative), summed over the sessions that hold it. Every panel's equity is this one.
 *
 * @param sectors the sector of every ticker held ({@link #UNKNOWN_SECTOR} when the desk has no fundamentals for it)
 */
public record Portfolio(Money cash, Money equity, List<Position> positions, Money grossExposure, Money netExposure,
        Map<Ticker, Money> exposureByTicker, Map<String, Money> exposureBySector, Map<Ticker, String> sectors) {
    public static final String UNKNOWN_SECTOR = "Unknown";
    public static final Portfolio EMPTY = of(Money.ZERO, List.of(), Map.of());

    public Portfolio {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(equity, "equity");
        positions = List.copyOf(positions);
        Objects.requireNonNull(grossExposure, "grossExposure");
        Objects.requireNonNull(netExposure, "netExposure");
        exposureByTicker = Map.copyOf(exposureByTicker);
        exposureBySector = Map.copyOf(exposureBySector);
        sectors = Map.copyOf(sectors);
    }

    /** The account of {@code cash} holding {@code positions}; {@code sectorByTicker} names the sectors it knows. */
    public static Portfolio of(Money cash, List<Position> positions, Map<Ticker, String> sectorByTicker) {
        Money gross = Money.ZERO;
        Money net = Money.ZERO;
        Map<Ticker, Money> byTicker = new TreeMap<>();
        Map<String, Money> bySector = new TreeMap<>();
        Map<Ticker, String> sectors = new TreeMap<>();
        for (Position position : positions) {
            Money signed = position.signedMarketValue();
            gross = gross.plus(position.marketValue());
            net = net.plus(signed);
            String sector = sectorByTicker.getOrDefault(position.ticker(), UNKNOWN_SECTOR);
            sectors.put(position.ticker(), sector);
            byTicker.merge(position.ticker(), signed, Money::plus);
            bySector.merge(sector, signed, Money::plus);
        }
        return new Portfolio(cash, cash.plus(net), positions, gross, net, byTicker, bySector, sectors);
    }

    /** The positions as risk sees them: signed shares at the last price (at the average entry before the first tick), with the stop in force. */
    public List<Holding> holdings() {
        List<Holding> holdings = new ArrayList<>(positions.size());
        for (Position position : positions) {
            if (position.quantity() == 0) continue;
            Price last = position.lastPrice() != null ? position.lastPrice() : Price.of(position.averageEntry());
            Price stop = position.protection().stopLoss() != null ? position.protection().stopLoss() : position.trailingStop();
            holdings.add(new Holding(position.ticker(), sectors.get(position.ticker()), position.signedQuantity(), last, stop));
        }
        return holdings;
    }
}
