package io.quorum.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConservativeTermsTest {

    @ParameterizedTest(name = "{0} entry {1}, stop {2} target {3}; Risk asks stop {4} target {5} -> stop {6} target {7}: {8}")
    @CsvSource(nullValues = "none", textBlock = """
            # direction, entry, stop, target, asked stop, asked target, kept stop, kept target, why
            LONG,  100, 95,   110,  97,   none, 97,   110, 'higher stop is tighter for a long'
            LONG,  100, 95,   110,  93,   none, 95,   110, 'lower stop is looser: kept'
            LONG,  100, 95,   110,  100,  none, 95,   110, 'a stop at the entry is no stop: kept'
            LONG,  100, 95,   110,  101,  none, 95,   110, 'above the entry is the profit side: kept'
            LONG,  100, none, 110,  97,   none, 97,   110, 'a stop where there was none is tighter'
            LONG,  100, 95,   110,  none, 105,  95,   105, 'lower target is nearer for a long'
            LONG,  100, 95,   110,  none, 115,  95,   110, 'higher target is farther: kept'
            LONG,  100, 95,   110,  none, 100,  95,   110, 'a target at the entry: kept'
            LONG,  100, 95,   110,  none, 99,   95,   110, 'below the entry is the loss side: kept'
            LONG,  100, 95,   none, none, 105,  95,   105, 'a target where there was none is nearer'
            LONG,  100, 95,   110,  96,   108,  96,   108, 'both fields taken'
            LONG,  100, 95,   110,  90,   108,  95,   108, 'field by field: looser stop kept, nearer target taken'
            SHORT, 100, 105,  90,   103,  none, 103,  90, 'lower stop is tighter for a short'
            SHORT, 100, 105,  90,   107,  none, 105,  90, 'higher stop is looser: kept'
            SHORT, 100, 105,  90,   100,  none, 105,  90, 'a stop at the entry: kept'
            SHORT, 100, 105,  90,   98,   none, 105,  90, 'below the entry is the profit side: kept'
            SHORT, 100, none, 90,   103,  none, 103,  90, 'a stop where there was none is tighter'
            SHORT, 100, 105,  90,   none, 95,   105,  95, 'higher target is nearer for a short'
            SHORT, 100, 105,  90,   none, 85,   105,  90, 'lower target is farther: kept'
            SHORT, 100, 105,  90,   none, 100,  105,  90, 'a target at the entry: kept'
            SHORT, 100, 105,  90,   none, 101,  105,  90, 'above the entry is the loss side: kept'
            SHORT, 100, 105,  none, none, 95,   105,  95, 'a target where there was none is nearer'
            SHORT, 100, 105,  90,   110,  95,   105,  95, 'field by field: looser stop kept, nearer target taken'
            """)
    void risk_stop_and_target_are_taken_only_where_more_conservative(
            Direction direction, String entry, String stop, String target, String askedStop, String askedTarget, String keptStop, String keptTarget, String why) {
        Proposal proposal = proposal(direction == Direction.LONG ? TradeAction.OPEN_LONG : TradeAction.OPEN_SHORT, Size.shares(100), entry, stop, target);

        Amendment amendment = ConservativeTerms.apply(proposal, new Modification(null, price(askedStop), price(askedTarget)));

        assertThat(amendment.terms().stop()).isEqualTo(price(keptStop));
        assertThat(amendment.terms().target()).isEqualTo(price(keptTarget));
        boolean changed = !java.util.Objects.equals(price(keptStop), price(stop)) || !java.util.Objects.equals(price(keptTarget), price(target));
        assertThat(amendment.changesTerms()).isEqualTo(changed);
    }

    @ParameterizedTest(name = "{0} {1}; Risk asks {2} -> {3}: {4}")
    @CsvSource(textBlock = """
            # action,     proposed,   asked,      kept,   why
            OPEN_LONG,    100 shares, 50 shares,  50 shares, 'smaller opening is more conservative'
            OPEN_LONG,    100 shares, 150 shares, 100 shares, 'larger is not'
            OPEN_LONG,    100 shares, 0 shares,   100 shares, 'zero is a veto, not a size'
            OPEN_SHORT,   100 shares, 60 shares,  60 shares, ''
            INCREASE,     20%,        15%,        15%, 'the seeds example'
            INCREASE,     20%,        25%,        20%, ''
            INCREASE,     20%,        10 shares,  20%, 'another unit cannot be compared: ignored'
            REDUCE,       20%,        30%,        30%, 'taking more risk off is more conservative'
            REDUCE,       20%,        10%,        20%, ''
            REDUCE,       50%,        150%,       50%, 'cannot reduce by more than the whole position'
            REDUCE,       100 shares, 150 shares, 150 shares, ''
            CLOSE,        100%,       50%,        100%, 'a close stays a close'
            ADJUST_STOPS, 0 shares,   10 shares,  0 shares, 'a stop adjustment trades nothing'
            """)
    void risk_size_is_taken_only_where_it_lowers_exposure(TradeAction action, String proposed, String asked, String kept, String why) {
        boolean isShort = action == TradeAction.OPEN_SHORT;
        Proposal proposal = proposal(action, size(proposed), "100", isShort ? "105" : "95", isShort ? "90" : "110");

        Amendment amendment = ConservativeTerms.apply(proposal, new Modification(size(asked), null, null));

        assertThat(amendment.terms().size()).isEqualTo(size(kept));
        assertThat(amendment.changesTerms()).isEqualTo(!kept.equals(proposed));
    }

    @Test
    void a_size_in_another_unit_is_reported_as_ignored() {
        Proposal proposal = proposal(TradeAction.INCREASE, Size.percentOfPosition("20"), "179", "175", "190");

        Amendment amendment = ConservativeTerms.apply(proposal, new Modification(Size.shares(10), null, null));

        assertThat(amendment.kept()).containsExactly("size 10 shares ignored: the proposal is sized in % of position");
        assertThat(amendment.terms()).isSameAs(proposal);
    }

    @Test
    void accepted_changes_are_named_and_keep_the_proposal_identity() {
        Proposal proposal = proposal(TradeAction.INCREASE, Size.percentOfPosition("20"), "179", "175", "190");

        Amendment amendment = ConservativeTerms.apply(proposal, new Modification(Size.percentOfPosition("15"), Price.parse("176"), null));

        assertThat(amendment.accepted()).containsExactly("size 20% of position -> 15% of position", "stop 175.00 -> 176.00");
        assertThat(amendment.terms().id()).isEqualTo(proposal.id());
        assertThat(amendment.terms().entry()).isEqualTo(proposal.entry());
        assertThat(amendment.terms().target()).isEqualTo(proposal.target());
    }

    private static Proposal proposal(TradeAction action, Size size, String entry, String stop, String target) {
        Direction direction = action == TradeAction.OPEN_SHORT ? Direction.SHORT : Direction.LONG;
        return new Proposal(ProposalId.random(), action, Ticker.of("AAPL"), direction, size, Price.parse(entry), price(stop), price(target), null,
                "test rationale", "test proposal");
    }

    private static Price price(String text) { return text == null ? null : Price.parse(text); }

    private static Size size(String text) {
        return text.endsWith("%") ? Size.percentOfPosition(text.substring(0, text.length() - 1)) : Size.shares(Long.parseLong(text.replace(" shares", "")));
    }
}
