package io.quorum.engine.agent;

import io.quorum.engine.market.Tick;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Knows the market's plumbing: whether it is open, how wide the spread is and how much the order
 * would weigh against the day's volume. It votes against trades the market cannot take cleanly.
 * Carrying out approved decisions is the desk's trade executor, which speaks as this agent.
 */
public final class ExecutionAgent extends Agent {
    static final BigDecimal WIDEST_SPREAD_BPS = BigDecimal.valueOf(50);
    /** An order above this per cent of the average daily volume would move the price. */
    static final BigDecimal MAX_PARTICIPATION_PCT = BigDecimal.ONE;

    public ExecutionAgent(AgentContext context) { super(AgentRole.EXECUTION, context); }

    @Override public List<String> analyze() {
        Optional<Tick> tick = desk.lastTick(ticker);
        if (tick.isEmpty()) return List.of("No quote for " + ticker + " yet" + (desk.marketOpen() ? "." : "; the market is closed."));
        return List.of("Market " + (desk.marketOpen() ? "open" : "closed") + "; " + ticker + " bid " + price(tick.get().bidMicros())
                + " / ask " + price(tick.get().askMicros()) + ", spread " + spreadBps(tick.get()) + " bps; average daily volume "
                + desk.technical(ticker).averageVolume20() + " shares. Orders go to the broker as market orders.");
    }

    @Override public Judgement judge(Proposal proposal) {
        if (!desk.marketOpen()) return Judgement.reject("the market is closed; no order can be placed now");
        Optional<Tick> tick = desk.lastTick(proposal.ticker());
        if (tick.isEmpty()) return Judgement.reject("there is no quote for " + proposal.ticker());
        BigDecimal spread = spreadBps(tick.get());
        if (spread.compareTo(WIDEST_SPREAD_BPS) > 0) return Judgement.reject("the spread is " + spread + " bps, wider than " + WIDEST_SPREAD_BPS);
        long shares = proposal.size().sharesGiven(desk.exposure(proposal.ticker()).quantity());
        long averageVolume = desk.technical(proposal.ticker()).averageVolume20();
        BigDecimal participation = averageVolume == 0 ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(shares).movePointRight(2).divide(BigDecimal.valueOf(averageVolume), 3, RoundingMode.HALF_EVEN);
        if (participation.compareTo(MAX_PARTICIPATION_PCT) > 0) {
            return Judgement.reject(shares + " shares is " + participation + "% of the average daily volume; too much to fill cleanly");
        }
        return Judgement.approve("sufficient liquidity, spread " + spread + " bps within the acceptable range");
    }

    static BigDecimal spreadBps(Tick tick) {
        long mid = (tick.bidMicros() + tick.askMicros()) / 2;
        return BigDecimal.valueOf(tick.askMicros() - tick.bidMicros()).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(mid), 1, RoundingMode.HALF_EVEN);
    }

    private static String price(long micros) { return io.quorum.engine.money.Price.ofMicros(micros).toString(); }
}
