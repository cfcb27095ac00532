package io.quorum.engine.agent;

import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Judges a trade by the company's valuation against its sector, and asks for the news behind a move. */
public final class FundamentalAgent extends Agent {
    public FundamentalAgent(AgentContext context) { super(AgentRole.FUNDAMENTAL, context); }

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
        if (agrees) return Judgement.approve(proposal.direction() == Direction.LONG
                ? "P/E still reasonable for the growth; " + v.summary() : "valuation is stretched; " + v.summary());
        if (disagrees) return Judgement.reject("the valuation argues the other way: " + v.summary());
        return Judgement.abstain("fundamentals are neutral: " + v.summary());
    }

    /** A signal from Technical: ask Sentiment what is behind the move before anyone proposes. */
    @Override protected void onAlert(AgentMessage message, Alert alert) {
        if (message.sender() != AgentRole.TECHNICAL || alert.kind() != Alert.AlertKind.PRICE_SIGNAL) return;
        Question question = new Question(alert.ticker(), "Any recent earnings or news that might explain this move?");
        publish(AgentMessage.draft(session, role(), Recipients.of(AgentRole.SENTIMENT), question, clock().now())
                .inReplyTo(message.id()).expectingResponseWithin(Duration.ofSeconds(30)));
    }

    private Optional<ValuationView> view() { return desk.fundamentals(ticker).map(ValuationView::of); }
}
