package io.quorum.engine.agent;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Size;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Guards the portfolio. Vetoes a trade that adds risk when the day's loss is at its limit or the
 * ticker is too volatile; otherwise approves, cutting the size to keep the position within its
 * share of the portfolio and putting a stop no wider than {@value #WIDEST_STOP_ATR} ATRs.
 */
public final class RiskAgent extends Agent {
    /** A day's average true range above this per cent of the price is too wild to add to. */
    static final BigDecimal MAX_ATR_PCT = new BigDecimal("6");
    static final int WIDEST_STOP_ATR = 3;
    static final int DEFAULT_STOP_ATR = 2;

    public RiskAgent(AgentContext context) { super(AgentRole.RISK, context); }

    @Override public List<String> analyze() {
        DeskView.Exposure exposure = desk.exposure(ticker);
        TechnicalView technical = desk.technical(ticker);
        AutoTradingConfig config = desk.config();
        return List.of(
                "Portfolio: equity $" + exposure.equity() + ", " + ticker + " is " + exposure.tickerPct() + "% of it, gross exposure "
                        + exposure.grossPct() + "%; today's P&L " + exposure.dailyPnlPct() + "%.",
                "Volatility: ATR $" + technical.atr14() + " (" + technical.atrPct() + "% a day). Limits: " + config.maxPositionPct()
                        + "% per position, " + config.maxDailyLossPct() + "% daily loss, " + config.maxTradesPerDay() + " trades a day.");
    }

    @Override public Judgement judge(Proposal proposal) {
        AutoTradingConfig config = desk.config();
        DeskView.Exposure exposure = desk.exposure(proposal.ticker());
        BigDecimal loss = exposure.dailyPnlPct().negate();
        if (proposal.action().addsExposure() && loss.compareTo(config.maxDailyLossPct()) >= 0) {
            return Judgement.veto("today's loss of " + loss + "% has reached the " + config.maxDailyLossPct() + "% limit");
        }
        if (!proposal.action().addsExposure()) return Judgement.approve("the trade reduces or protects exposure");

        TechnicalView technical = desk.technical(proposal.ticker());
        if (technical.atrPct().compareTo(MAX_ATR_PCT) > 0) {
            return Judgement.veto("volatility is too high: ATR is " + technical.atrPct() + "% of the price, above " + MAX_ATR_PCT + "%");
        }

        long shares = proposal.size().sharesGiven(exposure.quantity());
        Money notional = proposal.entry().times(shares);
        Money limit = Money.of(exposure.equity().toBigDecimal().multiply(config.maxPositionPct()).movePointLeft(2));
        Money room = limit.minus(exposure.tickerValue());
        String before = exposure.tickerPct() + "%";
        if (!room.isPositive()) {
            return Judgement.veto(proposal.ticker() + " is already " + before + " of the portfolio, at the " + config.maxPositionPct() + "% limit");
        }

        Size size = null;
        Money kept = notional;
        if (notional.compareTo(room) > 0) {
            long allowedShares = room.micros() / proposal.entry().micros();
            if (allowedShares == 0) return Judgement.veto("not even one share fits under the " + config.maxPositionPct() + "% limit");
            size = resize(proposal.size(), allowedShares, exposure.quantity());
            kept = proposal.entry().times(size.sharesGiven(exposure.quantity()));
        }
        Price stop = tighterStop(proposal, technical.atr14());

        String after = exposure.tickerValue().plus(kept).percentOf(exposure.equity(), 1) + "%";
        if (size == null && stop == null) {
            return Judgement.approve("exposure " + before + " → " + after + " of equity, within the " + config.maxPositionPct() + "% limit");
        }
        StringBuilder reason = new StringBuilder();
        if (size != null) reason.append("reduce size to ").append(size).append(" to stay within ").append(config.maxPositionPct()).append("% of the portfolio; ");
        if (stop != null) reason.append("stop at ").append(stop).append(" (").append(DEFAULT_STOP_ATR).append(" ATR); ");
        reason.append("exposure ").append(before).append(" → ").append(after);
        return Judgement.approveWith(new Modification(size, stop, null), reason.toString());
    }

    /** A stop where there was none, or a tighter one when the proposed stop is wider than the widest allowed. */
    private static Price tighterStop(Proposal proposal, Price atr) {
        long widest = Math.multiplyExact(atr.micros(), WIDEST_STOP_ATR);
        long distance = proposal.stop() == null ? Long.MAX_VALUE : Math.abs(proposal.entry().micros() - proposal.stop().micros());
        if (distance <= widest) return null;
        long offset = Math.multiplyExact(atr.micros(), DEFAULT_STOP_ATR);
        long stop = proposal.direction() == Direction.LONG ? proposal.entry().micros() - offset : proposal.entry().micros() + offset;
        return stop > 0 ? Price.ofMicros(stop) : null;
    }

    private static Size resize(Size proposed, long allowedShares, long positionQuantity) {
        if (proposed.unit() == Size.Unit.SHARES || positionQuantity == 0) return Size.shares(allowedShares);
        BigDecimal percent = BigDecimal.valueOf(allowedShares).movePointRight(2)
                .divide(BigDecimal.valueOf(Math.abs(positionQuantity)), 0, RoundingMode.DOWN);
        return new Size(Size.Unit.PERCENT_OF_POSITION, percent);
    }
}
