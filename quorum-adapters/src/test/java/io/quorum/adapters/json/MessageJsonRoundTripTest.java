package io.quorum.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorum.engine.market.Ticker;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Attribution;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.MessageType;
import io.quorum.engine.message.Modification;
import io.quorum.engine.message.Outcome;
import io.quorum.engine.message.Payload;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.message.ProposalId;
import io.quorum.engine.message.Question;
import io.quorum.engine.message.Recipients;
import io.quorum.engine.message.SessionId;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.Tally;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.message.Update;
import io.quorum.engine.message.Vote;
import io.quorum.engine.message.VoteChoice;
import io.quorum.engine.message.VoteRecord;
import io.quorum.engine.message.VoteRequest;
import io.quorum.engine.money.Price;
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the desk says, the wire carries it unchanged: decode(encode(m)) == m, and encoding is deterministic. */
class MessageJsonRoundTripTest {

    @Property(tries = 500)
    void every_message_survives_the_wire_unchanged(@ForAll("messages") AgentMessage message) {
        String json = MessageJson.encode(message);

        assertThat(MessageJson.decode(json)).isEqualTo(message);
        assertThat(MessageJson.encode(MessageJson.decode(json))).isEqualTo(json);
    }

    @Provide
    Arbitrary<AgentMessage> messages() {
        Arbitrary<Payload> payloads = Arbitraries.oneOf(alerts(), questions(), updates(), proposals().map(p -> p), voteRequests(), votes(), decisions());
        return Combinators.combine(payloads, Arbitraries.of(AgentRole.class), recipients(), Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.longs().between(0, 4_000_000_000_000L), Arbitraries.integers().between(1, 600), Arbitraries.of(true, false))
                .as((payload, sender, recipients, seq, millis, timeoutSeconds, replying) -> {
                    AgentRole speaker = payload instanceof Vote v && v.choice() == VoteChoice.VETO ? AgentRole.RISK : sender;
                    return new AgentMessage(UUID.randomUUID(), SessionId.random(), seq, speaker, recipients, MessageType.of(payload), payload,
                            Instant.ofEpochMilli(millis).plusNanos(millis % 1000), replying ? UUID.randomUUID() : null, replying,
                            Duration.ofSeconds(timeoutSeconds).plusMillis(millis % 1000));
                });
    }

    private Arbitrary<Recipients> recipients() {
        Arbitrary<Recipients> some = Arbitraries.of(AgentRole.class).set().ofMinSize(1).map(roles -> Recipients.of((Set<AgentRole>) EnumSet.copyOf(roles)));
        return Arbitraries.oneOf(Arbitraries.just(Recipients.all()), some);
    }

    private Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '€', '"', '\\', '\n').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
    }

    private Arbitrary<Ticker> tickers() {
        return Arbitraries.of("AAPL", "MSFT", "BRK.B", "X", "NVDA", "RDS-A").map(Ticker::of);
    }

    private Arbitrary<Price> prices() {
        return Arbitraries.longs().between(1, 10_000_000_000L).map(Price::ofMicros);
    }

    private Arbitrary<Alert> alerts() {
        return Combinators.combine(Arbitraries.of(Alert.AlertKind.class), Arbitraries.of(Alert.Severity.class), tickers().injectNull(0.3), texts())
                .as(Alert::new);
    }

    private Arbitrary<Question> questions() {
        return Combinators.combine(tickers().injectNull(0.3), texts(), attributions().injectNull(0.5)).as(Question::new);
    }

    private Arbitrary<Update> updates() {
        Arbitrary<Execution> executions = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), tickers(),
                Arbitraries.of(Side.class), Arbitraries.longs().between(1, 1_000_000), prices(), texts(), Arbitraries.of(OrderCause.class)).as(Execution::new);
        Arbitrary<Update> plain = Combinators.combine(Arbitraries.of(Update.UpdateKind.class).filter(k -> k != Update.UpdateKind.TRADE_EXECUTED),
                tickers().injectNull(0.3), texts(), attributions().injectNull(0.5)).as((kind, ticker, text, model) -> new Update(kind, ticker, null, text, model));
        Arbitrary<Update> trades = Combinators.combine(tickers(), executions, texts()).as((t, e, text) -> new Update(Update.UpdateKind.TRADE_EXECUTED, t, e, text));
        return Arbitraries.oneOf(plain, trades);
    }

    private Arbitrary<Size> sizes() {
        Arbitrary<Size> shares = Arbitraries.longs().between(1, 1_000_000).map(Size::shares);
        Arbitrary<Size> percents = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("1000")).ofScale(2)
                .map(p -> new Size(Size.Unit.PERCENT_OF_POSITION, p));
        return Arbitraries.oneOf(shares, percents);
    }

    private Arbitrary<Proposal> proposals() {
        return Combinators.combine(Arbitraries.of(TradeAction.class), Arbitraries.of(Direction.class), tickers(), sizes(),
                        Arbitraries.longs().between(2_000_000, 1_000_000_000), Arbitraries.integers().between(1, 99),
                        Arbitraries.of(true, false), texts())
                .as((action, direction, ticker, size, entryMicros, percent, withTerms, text) -> {
                    Direction side = action == TradeAction.OPEN_LONG ? Direction.LONG : action == TradeAction.OPEN_SHORT ? Direction.SHORT : direction;
                    long offset = entryMicros * percent / 100;
                    Price entry = Price.ofMicros(entryMicros);
                    Price below = Price.ofMicros(entryMicros - offset);
                    Price above = Price.ofMicros(entryMicros + offset);
                    Price stop = withTerms ? (side == Direction.LONG ? below : above) : null;
                    Price target = withTerms ? (side == Direction.LONG ? above : below) : null;
                    BigDecimal trailing = withTerms ? BigDecimal.valueOf(percent % 50 + 1, 1) : null;
                    return new Proposal(ProposalId.random(), action, ticker, side, size, entry, stop, target, trailing, "because " + text, text);
                });
    }

    private Arbitrary<Modification> modifications() {
        return Combinators.combine(sizes().injectNull(0.5), prices(), prices().injectNull(0.5))
                .as(Modification::new).injectNull(0.4);
    }

    private Arbitrary<VoteRequest> voteRequests() {
        Arbitrary<Set<AgentRole>> voters = Arbitraries.of(AgentRole.VOTERS).set().ofMinSize(1);
        return Combinators.combine(proposals(), voters, Arbitraries.longs().between(0, 4_000_000_000_000L), texts())
                .as((terms, asked, millis, text) -> new VoteRequest(terms.id(), terms, asked, Instant.ofEpochMilli(millis), text));
    }

    private Arbitrary<Vote> votes() {
        return Combinators.combine(Arbitraries.of(VoteChoice.class), texts(), modifications(), texts(), attributions().injectNull(0.5))
                .as((choice, reason, modification, text, model) -> new Vote(ProposalId.random(), choice, reason, modification, text, model));
    }

    /** A model's figures: any name, a version that may be empty (a cached answer's), a confidence of at most 6 places, a cost in millionths. */
    private Arbitrary<Attribution> attributions() {
        return Combinators.combine(texts(), Arbitraries.strings().alpha().ofMaxLength(20), Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2),
                        Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(0, 10_000_000_000L),
                        Arbitraries.of(true, false))
                .as((model, version, confidence, in, out, micros, cached) -> new Attribution(model, version, confidence, in, out, BigDecimal.valueOf(micros, 6), cached));
    }

    private Arbitrary<Decision> decisions() {
        Arbitrary<VoteRecord> records = Combinators.combine(Arbitraries.of(AgentRole.class), Arbitraries.of(VoteChoice.class), texts(),
                modifications(), Arbitraries.of(true, false)).as(VoteRecord::new);
        // Fencing tokens: a sole desk's 0, an orchestrator without a grant's -1, and grants.
        Arbitrary<Long> tokens = Arbitraries.oneOf(Arbitraries.of(0L, -1L), Arbitraries.longs().between(1, Long.MAX_VALUE));
        return Combinators.combine(proposals(), Arbitraries.of(Outcome.class), records.list().ofMaxSize(5), Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false), Arbitraries.strings().ofMaxLength(20), texts(), tokens)
                .as((terms, outcome, votes, approvals, vetoed, reason, text, token) -> new Decision(terms.id(), outcome,
                        new Tally(approvals, 0, 5 - approvals, vetoed, 3, 5), List.copyOf(votes), terms, reason, text, token));
    }
}
