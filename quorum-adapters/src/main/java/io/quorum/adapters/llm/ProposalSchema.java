package io.quorum.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorum.engine.message.Size;
import io.quorum.engine.message.TradeAction;
import io.quorum.engine.money.Price;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.DraftingAnswer;
import io.quorum.engine.reasoning.HoldBack;
import io.quorum.engine.reasoning.ProposalAnswer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a model's proposal against the proposal's JSON schema ({@code prompts/proposal.v2.md}) as
 * strictly as {@link VoteSchema} reads a vote, then against the desk it is for
 * ({@link ProposalAnswer#misfit}: an action the position allows, an entry near the last price, a stop
 * and target on their sides); or, for a proposal that is not a counter-proposal, the model's choice
 * to hold it back ({@link HoldBack}). Anything else is an invalid answer, and the role proposes by its rules.
 */
public final class ProposalSchema {
    private static final Set<String> FIELDS = Set.of("action", "size", "entry", "stop", "target", "rationale", "confidence");
    private static final Set<String> SIZE_FIELDS = Set.of("shares", "percentOfPosition");
    private static final String HOLD = "hold";
    private static final Set<String> HOLD_FIELDS = Set.of("reason", "confidence");
    private static final Set<TradeAction> ACTIONS = Set.of(TradeAction.OPEN_LONG, TradeAction.OPEN_SHORT, TradeAction.INCREASE, TradeAction.REDUCE, TradeAction.CLOSE);

    private ProposalSchema() {}

    /** What a model's text amounts to: a proposal that fits {@code drafting}'s desk, holding it back where it may be, or why neither. */
    public static SchemaReading<DraftingAnswer> read(String text, Drafting drafting) {
        JsonNode held;
        try {
            held = VoteSchema.object(text, Set.of(HOLD));
        } catch (IllegalArgumentException notHeldBack) {
            return proposal(text, drafting);
        }
        if (drafting.isCounter()) return new SchemaReading.Invalid<>("hold: a counter-proposal is not held back");
        try {
            JsonNode hold = held.path(HOLD);
            if (!hold.isObject()) throw new IllegalArgumentException("hold: expected an object of reason, confidence");
            String unknown = VoteSchema.unknownField(hold, HOLD_FIELDS);
            if (unknown != null) throw new IllegalArgumentException("hold: unknown field \"" + unknown + "\"");
            return new SchemaReading.Valid<>(new HoldBack(VoteSchema.reason(hold.path("reason")), VoteSchema.confidence(hold.path("confidence"))));
        } catch (IllegalArgumentException violation) {
            return new SchemaReading.Invalid<>(violation.getMessage());
        }
    }

    private static SchemaReading<DraftingAnswer> proposal(String text, Drafting drafting) {
        try {
            JsonNode root = VoteSchema.object(text, FIELDS);
            ProposalAnswer answer = new ProposalAnswer(action(root.path("action")), size(root.path("size")), entry(root.path("entry")),
                    VoteSchema.price(root.path("stop"), "stop"), VoteSchema.price(root.path("target"), "target"),
                    rationale(root.path("rationale")), VoteSchema.confidence(root.path("confidence")));
            Optional<String> misfit = answer.misfit(drafting);
            return misfit.isPresent() ? new SchemaReading.Invalid<>(misfit.get()) : new SchemaReading.Valid<>(answer);
        } catch (IllegalArgumentException violation) {
            return new SchemaReading.Invalid<>(violation.getMessage());
        }
    }

    private static TradeAction action(JsonNode node) {
        String expected = "action: expected one of OPEN_LONG, OPEN_SHORT, INCREASE, REDUCE, CLOSE";
        if (!node.isTextual()) throw new IllegalArgumentException(expected);
        try {
            TradeAction action = TradeAction.valueOf(node.textValue().strip().toUpperCase(Locale.ROOT));
            if (ACTIONS.contains(action)) return action;
        } catch (IllegalArgumentException notAnAction) {
            // said below, with what was sent
        }
        throw new IllegalArgumentException(expected + ", was \"" + node.textValue() + "\"");
    }

    private static Size size(JsonNode node) {
        if (!node.isObject() || node.size() != 1) throw new IllegalArgumentException("size: expected an object of shares or percentOfPosition, one of them");
        String unknown = VoteSchema.unknownField(node, SIZE_FIELDS);
        if (unknown != null) throw new IllegalArgumentException("size: unknown field \"" + unknown + "\"");
        if (node.has("shares")) return VoteSchema.shares(node.path("shares"), "size.shares");
        JsonNode percent = node.path("percentOfPosition");
        if (!percent.isNumber() || percent.decimalValue().signum() <= 0 || percent.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0
                || percent.decimalValue().stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("size.percentOfPosition: expected a number from 1 to 100, with at most 2 decimals");
        }
        return new Size(Size.Unit.PERCENT_OF_POSITION, percent.decimalValue().stripTrailingZeros());
    }

    private static Price entry(JsonNode node) {
        Price entry = VoteSchema.price(node, "entry");
        if (entry == null) throw new IllegalArgumentException("entry: expected a price in dollars");
        return entry;
    }

    private static String rationale(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) throw new IllegalArgumentException("rationale: expected a sentence");
        String rationale = node.textValue().strip();
        if (rationale.length() > ProposalAnswer.LONGEST_RATIONALE) throw new IllegalArgumentException("rationale: longer than " + ProposalAnswer.LONGEST_RATIONALE + " characters");
        return rationale;
    }
}
