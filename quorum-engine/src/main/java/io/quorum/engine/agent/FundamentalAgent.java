package io.quorum.engine.agent;

import io.quorum.engine.market.Fundamentals;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Optional;

/**
 * Judges a trade by the company's valuation against its sector, and asks Sentiment for the news
 * behind a price signal. The answer counts in its next votes: the valuation scores +1 when it
 * favours the trade's direction, -1 when it argues the other way, 0 when neutral; Sentiment's answer
 * scores +1 when the news is on the trade's side, -1 against, 0 for no news (or no answer, or one
 * older than {@link #ANSWER_LIFETIME}). The sum decides: above zero APPROVE, zero ABSTAIN, below
 * zero REJECT. Taking exposure off needs no valuation case and is approved.
 *
 * <p>It proposes when a valuation fact changes and turns its verdict ({@link #reviewValuation}): a
 * verdict that no longer supports the position brings a proposal to REDUCE it by half; with no
 * position, a verdict that now favours a side brings a {@link HalfSizeEntry}. A fact that changes
 * without turning the verdict is noted, not traded; at most one proposal per {@link #COOL_DOWN}.
 */
public final class FundamentalAgent extends Agent {
    /** An answer about the news is good for this much market time: one move, one conversation. */
    static final Duration ANSWER_LIFETIME = Duration.ofMinutes(30);
    static final Duration COOL_DOWN = Duration.ofMinutes(30);

    /** The question this agent is waiting to hear answered, and the last answer it heard. */
    private UUID openQuestion;
    private NewsAnswer lastAnswer;
    private Instant answeredAt = Instant.MIN;
    /** The facts the last review read, to see one change. */
    private Fundamentals lastFacts;
    private Instant lastProposal = Instant.MIN;

    public FundamentalAgent(AgentContext context) {
        super(AgentRole.FUNDAMENTAL, context);
        lastFacts = desk.fundamentals(ticker).orElse(null);
    }

    /**
     * Reads the valuation again after {@code event} (what the market just did, for the rationale) and
     * proposes when a fact has changed and turned the verdict; true when it proposed.
     */
    public boolean reviewValuation(String event) {
        Fundamentals before = lastFacts;
        Fundamentals now = desk.fundamentals(ticker).orElse(null);
        lastFacts = now;
        if (before == null || now == null || before.equals(now)) return false;
        int leaningBefore = Integer.signum(ValuationView.of(before).score());
        ValuationView after = ValuationView.of(now);
        int leaningNow = Integer.signum(after.score());
        Instant at = clock().now();
        if (leaningNow == leaningBefore || at.isBefore(lastProposal.plus(COOL_DOWN))) return false;
        String changed = "the valuation changed (" + changes(before, now) + "; after: " + event + ")";
        long held = desk.exposure(ticker).quantity();
        Price price = HalfSizeEntry.lastPrice(desk, ticker);
        Proposal proposal;
        if (held != 0) {
            Direction position = held > 0 ? Direction.LONG : Direction.SHORT;
            if (leaningNow == position.sign()) return false;
            String side = position.name().toLowerCase();
            proposal = new Proposal(ProposalId.random(), TradeAction.REDUCE, ticker, position, Size.percentOfPosition("50"), price, null, null, null,
                    changed + " and no longer supports the " + side + " position: " + after.summary(),
                    "Reduce the " + side + " " + ticker + " position by half at about $" + price + " on the new valuation");
        } else {
            if (leaningNow == 0) return false;
            Direction side = leaningNow > 0 ? Direction.LONG : Direction.SHORT;
            proposal = HalfSizeEntry.of(desk, ticker, side, price, changed + " and now favours " + (side == Direction.LONG ? "owning " : "shorting ")
                    + ticker + ": " + after.summary(), "on the new valuation");
            if (proposal == null) return false;
        }
        lastProposal = at;
        putForward(proposal);
        return true;
    }

    /** "EPS growth 15.0% → 3.0%, P/E 28.4 → 31.0": the facts that differ. */
    private static String changes(Fundamentals before, Fundamentals after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "P/E", before.priceToEarnings(), after.priceToEarnings(), false);
        compare(changed, "EPS growth", before.epsGrowth(), after.epsGrowth(), true);
        compare(changed, "revenue growth", before.revenueGrowth(), after.revenueGrowth(), true);
        compare(changed, "debt/equity", before.debtToEquity(), after.debtToEquity(), false);
        if (!before.netCash().equals(after.netCash())) changed.add("net cash $" + before.netCash() + " → $" + after.netCash());
        if (changed.isEmpty()) changed.add("the sector's averages moved");
        return String.join(", ", changed);
    }

    private static void compare(List<String> changed, String name, BigDecimal before, BigDecimal after, boolean percent) {
        if (before.compareTo(after) == 0) return;
        changed.add(name + " " + (percent ? pct(before) + " → " + pct(after) : before.toPlainString() + " → " + after.toPlainString()));
    }

    private static String pct(BigDecimal ratio) { return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%"; }

    @Override public List<String> analyze() {
        return view().map(v -> List.of(
                        "Valuation: " + v.summary() + ".",
                        v.favoursLong() ? "Growth is priced reasonably against the sector; fundamentals support owning " + ticker + "."
                                : v.favoursShort() ? "The valuation is stretched for the growth on offer; fundamentals argue against buying " + ticker + "."
                                : "Fundamentals are balanced; no strong view on " + ticker + "."))
                .orElse(List.of("No fundamental data for " + ticker + "; I will abstain on valuation."));
    }

    @Override public Judgement judge(Proposal proposal) {
        Optional<ValuationView> view = view();
        if (view.isEmpty()) return Judgement.abstain("no fundamental data for " + proposal.ticker());
        ValuationView v = view.get();
        if (!proposal.action().addsExposure()) return Judgement.approve("reducing or protecting a position needs no valuation case");
        boolean agrees = proposal.direction() == Direction.LONG ? v.favoursLong() : v.favoursShort();
        boolean disagrees = proposal.direction() == Direction.LONG ? v.favoursShort() : v.favoursLong();
        String valuation = agrees ? (proposal.direction() == Direction.LONG ? "P/E still reasonable for the growth; " : "valuation is stretched; ") + v.summary()
                : disagrees ? "the valuation argues the other way: " + v.summary() : "fundamentals are neutral: " + v.summary();
        NewsAnswer news = freshAnswer();
        int newsLeaning = news == null ? 0 : news.tone().leaning(proposal.direction());
        int score = (agrees ? 1 : disagrees ? -1 : 0) + newsLeaning;
        String reason = news == null ? valuation : valuation + "; " + heard(news, newsLeaning);
        if (score > 0) return Judgement.approve(reason);
        if (score < 0) return Judgement.reject(reason);
        return Judgement.abstain(reason);
    }

    private static String heard(NewsAnswer news, int leaning) {
        String verdict = switch (news.tone()) {
            case POSITIVE -> "positive news";
            case NEGATIVE -> "negative news";
            case NONE -> "no news";
        };
        return "Sentiment reports " + verdict + (leaning > 0 ? ", which supports the trade" : leaning < 0 ? ", which runs against the trade" : " behind the move");
    }

    /**
     * A signal from Technical: ask Sentiment, the agent who reads the news, what is behind this
     * move, in reply to the alert, before anyone proposes.
     */
    @Override protected void onAlert(AgentMessage message, Alert alert) {
        if (message.sender() != AgentRole.TECHNICAL || alert.kind() != Alert.AlertKind.PRICE_SIGNAL && alert.kind() != Alert.AlertKind.VOLUME_SPIKE) return;
        Question question = new Question(alert.ticker(), "Technical reports: " + alert.text() + ". Sentiment, is there earnings news or a headline behind this move?");
        AgentMessage asked = publish(AgentMessage.draft(session, role(), Recipients.of(AgentRole.SENTIMENT), question, clock().now())
                .inReplyTo(message.id()).expectingResponseWithin(Duration.ofSeconds(30)));
        openQuestion = asked.id();
    }

    /** Sentiment's answer to the open question: kept for the next votes. */
    @Override protected void onUpdate(AgentMessage message, Update update) {
        if (openQuestion == null || !openQuestion.equals(message.replyTo()) || message.sender() != AgentRole.SENTIMENT) return;
        openQuestion = null;
        lastAnswer = NewsAnswer.read(update.text());
        answeredAt = clock().now();
    }

    /** The news answer its vote weighs, if a fresh one was heard. */
    @Override protected String memoryFor(Proposal proposal) {
        NewsAnswer news = freshAnswer();
        return news == null ? null : news.text();
    }

    /** The news answer heard, as of the vote. */
    @Override protected void recall(Proposal proposal, String memory) {
        if (memory == null) return;
        lastAnswer = NewsAnswer.read(memory);
        answeredAt = clock().now();
    }

    private NewsAnswer freshAnswer() {
        return lastAnswer != null && clock().now().isBefore(answeredAt.plus(ANSWER_LIFETIME)) ? lastAnswer : null;
    }

    private Optional<ValuationView> view() { return desk.fundamentals(ticker).map(ValuationView::of); }
}
