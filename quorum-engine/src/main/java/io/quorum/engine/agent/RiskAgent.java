package io.quorum.engine.agent;

import io.quorum.engine.market.TechnicalView;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.Size;
import io.quorum.engine.money.Money;
import io.quorum.engine.money.Price;
import io.quorum.engine.portfolio.AccountLimitCheck;
import io.quorum.engine.portfolio.AccountLimits;
import io.quorum.engine.session.AutoTradingConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Guards the portfolio. Vetoes a trade that adds risk when the day's loss is at its limit or the
 * ticker is too volatile, and one that would push the account's VaR or stress loss over its limit
 * (and puts the largest size that fits to the vote as a counter-proposal); otherwise approves, cutting the size to keep the position
 * within its share of the portfolio and putting a stop no wider than {@value #WIDEST_STOP_ATR} ATRs.
 *
 * <p>It also reviews the open position on every market event of its ticker ({@link #review}) and
 * proposes taking risk off, the first of these that holds:
 * <ol>
 *   <li>today's loss has reached {@value #CLOSE_AT_LOSS_SHARE_PCT}% of the daily loss limit: CLOSE;</li>
 *   <li>today's loss has reached {@value #REDUCE_AT_LOSS_SHARE_PCT}% of the daily loss limit: REDUCE by half;</li>
 *   <li>the position is worth more than the max position % of equity (the price rose): REDUCE the
 *       shares above the limit;</li>
 *   <li>the account's VaR 99% or worst stress loss has drifted over its limit: REDUCE the fewest
 *       shares of this position that bring it back;</li>
 *   <li>the ticker's ATR is above {@link #MAX_ATR_PCT}% of the price: REDUCE by half.</li>
 * </ol>
 * The limits are the ones in force, read from the desk's snapshot. After a proposal it waits
 * {@link #REVIEW_COOL_DOWN} of market time before proposing again, so one alarm is one conversation.
 */
public final class RiskAgent extends Agent {
    static final int CLOSE_AT_LOSS_SHARE_PCT = 80;
    static final int REDUCE_AT_LOSS_SHARE_PCT = 50;
    static final Duration REVIEW_COOL_DOWN = Duration.ofMinutes(30);

    private Instant lastProposal = Instant.MIN;

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
        Optional<Judgement> overTailLimit = tailRiskVeto(proposal, exposure.quantity(), size == null ? proposal.size() : size, stop);
        if (overTailLimit.isPresent()) return overTailLimit.get();

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

    /**
     * Vetoes a trade of {@code size} that would push the account's VaR 99% or worst stress loss over
     * its limit, and proposes instead, as the veto's modification, the largest size that fits; empty
     * when the trade fits. The RiskEngine would refuse the order: the veto says so before it is placed.
     */
    private Optional<Judgement> tailRiskVeto(Proposal proposal, long positionQuantity, Size size, Price stop) {
        AccountLimits account = desk.accountLimits();
        long shares = size.sharesGiven(positionQuantity);
        long signed = proposal.direction() == Direction.LONG ? shares : -shares;
        Optional<AccountLimitCheck.Breach> breach = account.firstBreach(proposal.ticker(), positionQuantity, signed, proposal.entry());
        if (breach.isEmpty() || !breach.get().limit().isTailRisk()) return Optional.empty();
        long fit = Math.abs(account.largestFit(proposal.ticker(), positionQuantity, signed, proposal.entry()));
        if (fit == 0) return Optional.of(Judgement.veto(breach.get().sentence() + "; not one share fits"));
        Modification fitting = new Modification(Size.shares(fit), stop, null);
        String put = countered(proposal) ? ", which I put to the vote instead" : "";
        return Optional.of(Judgement.vetoWith(fitting, breach.get().sentence() + "; " + fit + " shares fit" + put));
    }

    /**
     * Another agent's proposal that Risk will veto for the account's VaR or stress loss, when a
     * smaller size fits every limit: Risk answers it with a counter-proposal of the largest
     * whole-share size that fits, with its own stop when it tightens one, in reply to it, so that
     * the desk votes on that size instead. A counter-proposal is never countered in turn.
     */
    @Override protected void onProposal(AgentMessage message, Proposal proposal) {
        if (message.sender() == role() || message.replyTo() != null || !proposal.ticker().equals(ticker) || !proposal.action().addsExposure()) return;
        Judgement judgement = judge(proposal);
        if (judgement.choice() != VoteChoice.VETO || judgement.modification() == null) return;
        Modification fit = judgement.modification();
        long shares = fit.size().sharesGiven(0);
        Price stop = fit.stop() != null ? fit.stop() : proposal.stop();
        String side = proposal.direction() == Direction.LONG ? "buy " : "sell short ";
        Proposal counter = new Proposal(ProposalId.random(), proposal.action(), ticker, proposal.direction(), fit.size(), proposal.entry(), stop,
                proposal.target(), proposal.trailingStopPct(), judgement.reason() + ": the largest size within every limit, rather than "
                        + proposal.size().sharesGiven(desk.exposure(ticker).quantity()) + " on " + message.sender().displayName() + "'s proposal",
                "Counter-proposal: " + side + shares + " " + ticker + " instead, the most the account's limits allow. Entry: $" + proposal.entry()
                        + (stop == null ? "" : ", Stop: $" + stop) + (proposal.target() == null ? "" : ", Target: $" + proposal.target()));
        counter(message, counter);
    }

    /**
     * Looks at the position after {@code event} (what the market just did, for the rationale) and
     * proposes to take risk off when a threshold is passed; true when it proposed.
     */
    public boolean review(String event) {
        Instant now = clock().now();
        if (now.isBefore(lastProposal.plus(REVIEW_COOL_DOWN))) return false;
        DeskView.Exposure exposure = desk.exposure(ticker);
        if (exposure.quantity() == 0) return false;
        Proposal proposal = takingRiskOff(exposure, event);
        if (proposal == null) return false;
        lastProposal = now;
        putForward(proposal);
        return true;
    }

    private Proposal takingRiskOff(DeskView.Exposure exposure, String event) {
        AutoTradingConfig config = desk.config();
        Direction position = exposure.quantity() > 0 ? Direction.LONG : Direction.SHORT;
        long held = Math.abs(exposure.quantity());
        // The quote first: the chart is read only when the volatility test needs it.
        Price price = desk.lastTick(ticker).map(tick -> Price.ofMicros(tick.lastMicros())).orElseGet(() -> desk.technical(ticker).last());
        BigDecimal loss = exposure.dailyPnlPct().negate();
        BigDecimal closeAt = config.maxDailyLossPct().multiply(BigDecimal.valueOf(CLOSE_AT_LOSS_SHARE_PCT)).movePointLeft(2);
        BigDecimal reduceAt = config.maxDailyLossPct().multiply(BigDecimal.valueOf(REDUCE_AT_LOSS_SHARE_PCT)).movePointLeft(2);
        String after = " (after: " + event + ")";
        if (loss.compareTo(closeAt) >= 0) {
            return riskOff(TradeAction.CLOSE, position, Size.percentOfPosition("100"), price,
                    "today's loss of " + loss + "% is past " + CLOSE_AT_LOSS_SHARE_PCT + "% of the " + config.maxDailyLossPct() + "% daily limit" + after,
                    "Close the " + ticker + " position at about $" + price);
        }
        if (loss.compareTo(reduceAt) >= 0) {
            return riskOff(TradeAction.REDUCE, position, Size.percentOfPosition("50"), price,
                    "today's loss of " + loss + "% is past " + REDUCE_AT_LOSS_SHARE_PCT + "% of the " + config.maxDailyLossPct() + "% daily limit" + after,
                    "Reduce the " + ticker + " position by half at about $" + price);
        }
        Money limit = Money.of(exposure.equity().toBigDecimal().multiply(config.maxPositionPct()).movePointLeft(2));
        Money excess = exposure.tickerValue().minus(limit);
        if (excess.isPositive()) {
            long shares = Math.min(held, (excess.micros() + price.micros() - 1) / price.micros());
            return riskOff(TradeAction.REDUCE, position, Size.shares(shares), price,
                    ticker + " is " + exposure.tickerPct() + "% of the portfolio, above the " + config.maxPositionPct() + "% limit" + after,
                    "Reduce the " + ticker + " position by " + shares + " shares at about $" + price + " to bring it back within " + config.maxPositionPct() + "%");
        }
        AccountLimits account = desk.accountLimits();
        Optional<AccountLimitCheck.Breach> drift = account.tailRiskOverLimit();
        if (drift.isPresent()) {
            long shares = account.smallestCut(ticker, exposure.quantity(), price);
            return riskOff(TradeAction.REDUCE, position, Size.shares(shares), price, drift.get().sentence() + after,
                    "Reduce the " + ticker + " position by " + shares + " shares at about $" + price + " to bring the account back within its limits");
        }
        TechnicalView technical = desk.technical(ticker);
        if (technical.atrPct().compareTo(MAX_ATR_PCT) > 0) {
            return riskOff(TradeAction.REDUCE, position, Size.percentOfPosition("50"), price,
                    "volatility is too high to hold the full position: ATR is " + technical.atrPct() + "% of the price, above " + MAX_ATR_PCT + "%" + after,
                    "Reduce the " + ticker + " position by half at about $" + price);
        }
        return null;
    }

    private Proposal riskOff(TradeAction action, Direction position, Size size, Price price, String rationale, String text) {
        return new Proposal(ProposalId.random(), action, ticker, position, size, price, null, null, null, rationale, text);
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
