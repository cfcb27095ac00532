package io.quorum.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorum.engine.message.AgentMessage;
import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Alert;
import io.quorum.engine.message.Attribution;
import io.quorum.engine.message.Decision;
import io.quorum.engine.message.Direction;
import io.quorum.engine.message.Execution;
import io.quorum.engine.message.MalformedMessageException;
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
import io.quorum.engine.order.OrderCause;
import io.quorum.engine.order.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The wire format of an {@link AgentMessage}: what the Redis bus carries, the WebSocket streams and
 * the journal stores. Decoding is strict: a missing or unknown field, an unknown enum value, a
 * payload that does not match the type, a price that is not a decimal string, are all refused with
 * a {@link MalformedMessageException} naming the field as spelled on the wire.
 *
 * <pre>{"id","sessionId","seq","sender","recipients":"ALL"|["RISK",...],"type":"VOTE",
 *  "content":{...,"text"},"timestamp":"2025-03-14T14:30:00Z","replyTo":null|uuid,
 *  "requiresResponse":false,"responseTimeout":"PT30S"}</pre>
 */
public final class MessageJson {
    private static final String ALL = "ALL";

    private MessageJson() {}

    /** The message as compact JSON text. */
    public static String encode(AgentMessage message) {
        return QuorumJson.write(toTree(message));
    }

    /** Parses and checks one message. */
    public static AgentMessage decode(String json) {
        return fromTree(QuorumJson.readTree(json));
    }

    public static ObjectNode toTree(AgentMessage message) {
        ObjectNode node = Wire.object();
        node.put("id", message.id().toString());
        node.put("sessionId", message.sessionId().value());
        node.put("seq", message.seq());
        node.put("sender", message.sender().name());
        node.set("recipients", recipients(message.recipients()));
        node.put("type", message.type().name());
        node.set("content", payload(message.content()));
        node.put("timestamp", message.timestamp().toString());
        node.put("replyTo", Wire.text(message.replyTo()));
        node.put("requiresResponse", message.requiresResponse());
        node.put("responseTimeout", message.responseTimeout().toString());
        return node;
    }

    public static AgentMessage fromTree(JsonNode json) {
        WireObject in = WireObject.at(json, "");
        var id = in.uuid("id");
        String sessionText = in.text("sessionId");
        SessionId sessionId = in.build(() -> sessionId(sessionText));
        long seq = in.integer("seq");
        AgentRole sender = in.enumValue("sender", AgentRole.class);
        Recipients recipients = recipients(in.raw("recipients"));
        MessageType type = in.enumValue("type", MessageType.class);
        Payload content = payload(type, in.object("content"));
        var timestamp = in.instant("timestamp");
        var replyTo = in.optionalUuid("replyTo");
        boolean requiresResponse = in.bool("requiresResponse");
        var responseTimeout = in.duration("responseTimeout");
        in.finish();
        return in.build(() -> new AgentMessage(id, sessionId, seq, sender, recipients, type, content, timestamp, replyTo, requiresResponse, responseTimeout));
    }

    private static SessionId sessionId(String text) {
        try {
            return SessionId.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sessionId: " + e.getMessage(), e);
        }
    }

    private static JsonNode recipients(Recipients recipients) {
        return switch (recipients) {
            case Recipients.All all -> Wire.NODES.textNode(ALL);
            case Recipients.Roles roles -> {
                ArrayNode array = Wire.NODES.arrayNode();
                for (AgentRole role : EnumSet.copyOf(roles.roles())) array.add(role.name());
                yield array;
            }
        };
    }

    private static Recipients recipients(WireObject.Element field) {
        if (field.node().isTextual()) {
            if (!field.text().equals(ALL)) throw new MalformedMessageException(field.path(), "expected \"ALL\" or an array of roles, was \"" + field.text() + "\"");
            return Recipients.all();
        }
        if (!field.node().isArray() || field.node().isEmpty()) throw new MalformedMessageException(field.path(), "expected \"ALL\" or a non-empty array of roles");
        List<WireObject.Element> elements = new ArrayList<>(field.node().size());
        for (int i = 0; i < field.node().size(); i++) elements.add(new WireObject.Element(field.node().get(i), field.path() + "[" + i + "]"));
        return Recipients.of(roles(elements));
    }

    /** Roles listed once each, in any order. */
    private static Set<AgentRole> roles(List<WireObject.Element> elements) {
        Set<AgentRole> roles = EnumSet.noneOf(AgentRole.class);
        for (WireObject.Element element : elements) {
            if (!roles.add(element.enumValue(AgentRole.class))) throw new MalformedMessageException(element.path(), "role listed twice");
        }
        return roles;
    }

    static ObjectNode payload(Payload payload) {
        ObjectNode node = Wire.object();
        switch (payload) {
            case Alert a -> {
                node.put("kind", a.kind().name());
                node.put("severity", a.severity().name());
                node.put("ticker", Wire.text(a.ticker()));
            }
            case Question q -> {
                node.put("ticker", Wire.text(q.ticker()));
                attribution(q.attribution(), node);
            }
            case Update u -> {
                node.put("kind", u.kind().name());
                node.put("ticker", Wire.text(u.ticker()));
                node.set("execution", u.execution() == null ? null : execution(u.execution()));
                attribution(u.attribution(), node);
            }
            case Proposal p -> proposal(p, node);
            case VoteRequest r -> {
                node.put("proposalId", r.proposalId().toString());
                node.set("terms", proposal(r.terms(), Wire.object()).put("text", r.terms().text()));
                ArrayNode voters = node.putArray("voters");
                for (AgentRole voter : r.voters()) voters.add(voter.name());
                node.put("deadline", r.deadline().toString());
            }
            case Vote v -> {
                node.put("proposalId", v.proposalId().toString());
                node.put("choice", v.choice().name());
                node.put("reason", v.reason());
                node.set("modification", modification(v.modification()));
                attribution(v.attribution(), node);
            }
            case Decision d -> {
                node.put("proposalId", d.proposalId().toString());
                node.put("outcome", d.outcome().name());
                node.set("tally", tally(d.tally()));
                ArrayNode votes = node.putArray("votes");
                for (VoteRecord vote : d.votes()) votes.add(voteRecord(vote));
                node.set("terms", proposal(d.terms(), Wire.object()).put("text", d.terms().text()));
                node.put("reason", d.reason());
                // Only where several processes orchestrate: a sole desk's journal reads as before.
                if (d.fencingToken() != 0) node.put("fencingToken", d.fencingToken());
            }
        }
        node.put("text", payload.text());
        return node;
    }

    private static Payload payload(MessageType type, WireObject in) {
        Payload payload = switch (type) {
            case ALERT -> {
                var kind = in.enumValue("kind", Alert.AlertKind.class);
                var severity = in.enumValue("severity", Alert.Severity.class);
                var ticker = in.optionalTicker("ticker");
                String text = in.text("text");
                yield in.build(() -> new Alert(kind, severity, ticker, text));
            }
            case QUESTION -> {
                var ticker = in.optionalTicker("ticker");
                String text = in.text("text");
                Attribution attribution = attribution(in.optionalObject("attribution"));
                yield in.build(() -> new Question(ticker, text, attribution));
            }
            case UPDATE -> {
                var kind = in.enumValue("kind", Update.UpdateKind.class);
                var ticker = in.optionalTicker("ticker");
                WireObject executionIn = in.optionalObject("execution");
                Execution execution = executionIn == null ? null : execution(executionIn);
                Attribution attribution = attribution(in.optionalObject("attribution"));
                String text = in.text("text");
                yield in.build(() -> new Update(kind, ticker, execution, text, attribution));
            }
            case PROPOSAL -> proposalFields(in);
            case VOTE_REQUEST -> {
                var proposalId = new ProposalId(in.uuid("proposalId"));
                Proposal terms = proposal(in.object("terms"));
                Set<AgentRole> voters = roles(in.array("voters"));
                var deadline = in.instant("deadline");
                String text = in.text("text");
                yield in.build(() -> new VoteRequest(proposalId, terms, voters, deadline, text));
            }
            case VOTE -> {
                var proposalId = new ProposalId(in.uuid("proposalId"));
                var choice = in.enumValue("choice", VoteChoice.class);
                String reason = in.text("reason");
                Modification modification = modification(in.optionalObject("modification"));
                Attribution attribution = attribution(in.optionalObject("attribution"));
                String text = in.text("text");
                yield in.build(() -> new Vote(proposalId, choice, reason, modification, text, attribution));
            }
            case DECISION -> {
                var proposalId = new ProposalId(in.uuid("proposalId"));
                var outcome = in.enumValue("outcome", Outcome.class);
                Tally tally = tally(in.object("tally"));
                List<VoteRecord> votes = new ArrayList<>();
                for (WireObject.Element vote : in.array("votes")) votes.add(voteRecord(vote.object()));
                Proposal terms = proposal(in.object("terms"));
                String reason = in.text("reason");
                String text = in.text("text");
                long fencingToken = in.optionalInteger("fencingToken", 0);
                yield in.build(() -> new Decision(proposalId, outcome, tally, votes, terms, reason, text, fencingToken));
            }
        };
        in.finish();
        return payload;
    }

    private static ObjectNode proposal(Proposal p, ObjectNode node) {
        node.put("id", p.id().toString());
        node.put("action", p.action().name());
        node.put("ticker", p.ticker().symbol());
        node.put("direction", p.direction().name());
        node.set("size", size(p.size()));
        node.put("entry", Wire.price(p.entry()));
        node.put("stop", Wire.price(p.stop()));
        node.put("target", Wire.price(p.target()));
        node.put("trailingStopPct", Wire.decimal(p.trailingStopPct()));
        node.put("rationale", p.rationale());
        return node;
    }

    /** The proposal of a decision's terms: a whole object of its own, text included. */
    private static Proposal proposal(WireObject in) {
        Proposal proposal = proposalFields(in);
        in.finish();
        return proposal;
    }

    private static Proposal proposalFields(WireObject in) {
        var id = new ProposalId(in.uuid("id"));
        var action = in.enumValue("action", TradeAction.class);
        var ticker = in.ticker("ticker");
        var direction = in.enumValue("direction", Direction.class);
        Size size = size(in.object("size"));
        var entry = in.price("entry");
        var stop = in.optionalPrice("stop");
        var target = in.optionalPrice("target");
        var trailingStopPct = in.optionalDecimal("trailingStopPct");
        String rationale = in.text("rationale");
        String text = in.text("text");
        return in.build(() -> new Proposal(id, action, ticker, direction, size, entry, stop, target, trailingStopPct, rationale, text));
    }

    private static ObjectNode size(Size size) {
        ObjectNode node = Wire.object();
        node.put("unit", size.unit().name());
        node.put("amount", Wire.decimal(size.amount()));
        return node;
    }

    private static Size size(WireObject in) {
        var unit = in.enumValue("unit", Size.Unit.class);
        var amount = in.decimal("amount");
        in.finish();
        return in.build(() -> new Size(unit, amount));
    }

    /**
     * The model behind a vote or an answer, written only when there is one, so that what the rules
     * said reads (and hashes) as it always did.
     */
    private static void attribution(Attribution attribution, ObjectNode node) {
        if (attribution == null) return;
        ObjectNode model = node.putObject("attribution");
        model.put("model", attribution.model());
        model.put("modelVersion", attribution.modelVersion());
        model.put("confidence", Wire.decimal(attribution.confidence()));
        model.put("tokensIn", attribution.tokensIn());
        model.put("tokensOut", attribution.tokensOut());
        model.put("cost", Wire.decimal(attribution.cost()));
        model.put("cached", attribution.cached());
    }

    private static Attribution attribution(WireObject in) {
        if (in == null) return null;
        String model = in.text("model");
        String modelVersion = in.text("modelVersion");
        BigDecimal confidence = in.decimal("confidence");
        long tokensIn = in.integer("tokensIn");
        long tokensOut = in.integer("tokensOut");
        BigDecimal cost = in.decimal("cost");
        boolean cached = in.bool("cached");
        in.finish();
        return in.build(() -> new Attribution(model, modelVersion, confidence, tokensIn, tokensOut, cost, cached));
    }

    private static ObjectNode modification(Modification modification) {
        if (modification == null) return null;
        ObjectNode node = Wire.object();
        node.set("size", modification.size() == null ? null : size(modification.size()));
        node.put("stop", Wire.price(modification.stop()));
        node.put("target", Wire.price(modification.target()));
        return node;
    }

    private static Modification modification(WireObject in) {
        if (in == null) return null;
        WireObject sizeIn = in.optionalObject("size");
        Size size = sizeIn == null ? null : size(sizeIn);
        var stop = in.optionalPrice("stop");
        var target = in.optionalPrice("target");
        in.finish();
        return in.build(() -> new Modification(size, stop, target));
    }

    private static ObjectNode execution(Execution execution) {
        ObjectNode node = Wire.object();
        node.put("clientOrderId", execution.clientOrderId());
        node.put("ticker", execution.ticker().symbol());
        node.put("side", execution.side().name());
        node.put("quantity", execution.quantity());
        node.put("price", Wire.price(execution.price()));
        node.put("reason", execution.reason());
        node.put("cause", execution.cause().name());
        return node;
    }

    private static Execution execution(WireObject in) {
        String clientOrderId = in.text("clientOrderId");
        var ticker = in.ticker("ticker");
        var side = in.enumValue("side", Side.class);
        long quantity = in.integer("quantity");
        var price = in.price("price");
        String reason = in.text("reason");
        // An execution journaled before causes were recorded is known by its reason.
        OrderCause cause = in.optionalEnumValue("cause", OrderCause.class);
        in.finish();
        return in.build(() -> new Execution(clientOrderId, ticker, side, quantity, price, reason, cause != null ? cause : OrderCause.ofRecordedReason(reason)));
    }

    private static ObjectNode tally(Tally tally) {
        ObjectNode node = Wire.object();
        node.put("approvals", tally.approvals());
        node.put("rejections", tally.rejections());
        node.put("abstentions", tally.abstentions());
        node.put("vetoed", tally.vetoed());
        node.put("quorum", tally.quorum());
        node.put("voters", tally.voters());
        return node;
    }

    private static Tally tally(WireObject in) {
        int approvals = in.smallInteger("approvals");
        int rejections = in.smallInteger("rejections");
        int abstentions = in.smallInteger("abstentions");
        boolean vetoed = in.bool("vetoed");
        int quorum = in.smallInteger("quorum");
        int voters = in.smallInteger("voters");
        in.finish();
        return in.build(() -> new Tally(approvals, rejections, abstentions, vetoed, quorum, voters));
    }

    private static ObjectNode voteRecord(VoteRecord vote) {
        ObjectNode node = Wire.object();
        node.put("voter", vote.voter().name());
        node.put("choice", vote.choice().name());
        node.put("reason", vote.reason());
        node.set("modification", modification(vote.modification()));
        node.put("received", vote.received());
        return node;
    }

    private static VoteRecord voteRecord(WireObject in) {
        var voter = in.enumValue("voter", AgentRole.class);
        var choice = in.enumValue("choice", VoteChoice.class);
        String reason = in.text("reason");
        Modification modification = modification(in.optionalObject("modification"));
        boolean received = in.bool("received");
        in.finish();
        return in.build(() -> new VoteRecord(voter, choice, reason, modification, received));
    }
}
