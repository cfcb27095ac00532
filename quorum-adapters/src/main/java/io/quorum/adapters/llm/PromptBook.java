package io.quorum.adapters.llm;

import io.quorum.engine.message.AgentRole;
import io.quorum.engine.message.Proposal;
import io.quorum.engine.reasoning.Deliberation;
import io.quorum.engine.reasoning.Drafting;
import io.quorum.engine.reasoning.Inquiry;
import io.quorum.engine.reasoning.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The prompts, versioned in resources: {@code prompts/<role>.v<n>.md} says what the role is and
 * what it weighs; {@code prompts/answer.v<n>.md} is the vote's JSON schema, the same for every
 * role, {@code prompts/reply.v<n>.md} the schema of an answer to another agent's question, and
 * {@code prompts/proposal.v<n>.md} the schema of a proposal the role puts to the desk, and
 * {@code prompts/concern.v<n>.md} that of a reading of the user's reason for rejecting a card. A
 * change of wording is a new version, so that the journal tells which text a model read.
 */
public final class PromptBook {
    static final String ROLE_VERSION = "v1";
    static final String ANSWER_VERSION = "v2";
    static final String REPLY_VERSION = "v1";
    static final String PROPOSAL_VERSION = "v2";
    static final String CONCERN_VERSION = "v1";

    private final Map<AgentRole, String> instructions = new EnumMap<>(AgentRole.class);
    private final String answer;
    private final String reply;
    private final String proposal;
    private final String concern;

    public PromptBook() {
        for (AgentRole role : AgentRole.VOTERS) instructions.put(role, read(fileOf(role)));
        this.answer = read("answer." + ANSWER_VERSION + ".md");
        this.reply = read("reply." + REPLY_VERSION + ".md");
        this.proposal = read("proposal." + PROPOSAL_VERSION + ".md");
        this.concern = read("concern." + CONCERN_VERSION + ".md");
    }

    /** The prompt for {@code deliberation}, to be sent to {@code model}. */
    public Prompt promptFor(Deliberation deliberation, String model) {
        return prompt(deliberation.role(), versionOf(deliberation.role()), answer, facts(deliberation), model);
    }

    /** The prompt for {@code inquiry}'s question, to be sent to {@code model}: the role's instructions and the reply's schema. */
    public Prompt promptFor(Inquiry inquiry, String model) {
        return prompt(inquiry.role(), replyVersionOf(inquiry.role()), reply, facts(inquiry), model);
    }

    /** The prompt for {@code drafting}'s proposal, to be sent to {@code model}: the role's instructions and the proposal's schema. */
    public Prompt promptFor(Drafting drafting, String model) {
        return prompt(drafting.role(), proposalVersionOf(drafting.role()), proposal, facts(drafting), model);
    }

    /** The prompt for {@code rejection}'s reason, to be sent to {@code model}: the role's instructions and the reading's schema. */
    public Prompt promptFor(Rejection rejection, String model) {
        return prompt(rejection.role(), concernVersionOf(rejection.role()), concern, facts(rejection), model);
    }

    /** The system message is the role's instructions and then the answer's {@code schema}; the user message the {@code facts}. */
    private Prompt prompt(AgentRole role, String version, String schema, String facts, String model) {
        return Prompt.of(version, model, instructions.get(role) + "\n\n" + schema, facts);
    }

    /** The version of the prompts a role reads a user's reason with ({@code technical.v1+concern.v1}). */
    public static String concernVersionOf(AgentRole role) { return name(role) + "." + ROLE_VERSION + "+concern." + CONCERN_VERSION; }

    /** The version of the prompts a role words a proposal with ({@code risk.v1+proposal.v2}). */
    public static String proposalVersionOf(AgentRole role) { return name(role) + "." + ROLE_VERSION + "+proposal." + PROPOSAL_VERSION; }

    /** The version of the prompts a role answers a question with ({@code sentiment.v1+reply.v1}). */
    public static String replyVersionOf(AgentRole role) { return name(role) + "." + ROLE_VERSION + "+reply." + REPLY_VERSION; }

    /** The version of the prompts a role is asked with today ({@code risk.v1+answer.v2}), as the journal records it. */
    public static String versionOf(AgentRole role) { return name(role) + "." + ROLE_VERSION + "+answer." + ANSWER_VERSION; }

    /** Today's prompt version of every voter. */
    public static Map<AgentRole, String> versions() {
        Map<AgentRole, String> versions = new EnumMap<>(AgentRole.class);
        for (AgentRole role : AgentRole.VOTERS) versions.put(role, versionOf(role));
        return versions;
    }

    /** The vote's facts as the model reads them; the proposal's id is left out, so the same terms on the same facts are the same prompt. */
    static String facts(Deliberation deliberation) {
        StringBuilder text = new StringBuilder();
        terms(text, "# The proposal to vote on\n", deliberation.proposal());
        text.append("# What you see as the ").append(deliberation.role().displayName()).append(" agent\n");
        for (String fact : deliberation.facts()) text.append("- ").append(fact).append('\n');
        if (deliberation.rulesVerdict() != null) {
            text.append("\n# What the desk's fixed rules for your role would vote\n").append(deliberation.rulesVerdict()).append('\n');
        }
        conversation(text, deliberation.conversation());
        question(text, deliberation);
        text.append("\nAnswer with the JSON object only.");
        return text.toString();
    }

    /** Whom the model may ask before it votes, or the question it asked and the answer it had, and that it must vote now. */
    private static void question(StringBuilder text, Deliberation deliberation) {
        Deliberation.Exchange asked = deliberation.asked();
        if (asked != null) {
            text.append("\n# Your question and its answer\n");
            text.append("You asked ").append(asked.addressee().displayName()).append(": ").append(asked.question()).append('\n');
            text.append(asked.answer() == null ? "No answer came in time." : asked.addressee().displayName() + " answered: " + asked.answer()).append('\n');
        }
        text.append("\n# Before you vote\n");
        if (deliberation.mayAsk().isEmpty()) {
            text.append("Vote now: you may not ask a question.\n");
            return;
        }
        text.append("You may ask one question first, of one of: ")
                .append(String.join(", ", deliberation.mayAsk().stream().map(AgentRole::name).toList())).append(".\n");
    }

    /** The question's facts as the model reads them; the question's id is left out, so the same question on the same facts is the same prompt. */
    static String facts(Inquiry inquiry) {
        StringBuilder text = new StringBuilder();
        text.append("# The question ").append(inquiry.asker().displayName()).append(" asks you\n");
        text.append(inquiry.question()).append("\n\n");
        text.append("# What you see as the ").append(inquiry.role().displayName()).append(" agent\n");
        for (String fact : inquiry.facts()) text.append("- ").append(fact).append('\n');
        text.append("\n# What the desk's fixed rules for your role would answer\n").append(inquiry.rulesAnswer()).append('\n');
        conversation(text, inquiry.conversation());
        text.append("\nAnswer with the JSON object only.");
        return text.toString();
    }

    /** The proposal's facts as the model reads them; the proposal's id is left out, so the same terms on the same facts are the same prompt. */
    static String facts(Drafting drafting) {
        StringBuilder text = new StringBuilder();
        if (drafting.isCounter()) text.append("# The proposal you answer with a counter-proposal\n").append(drafting.answering()).append("\n\n");
        terms(text, "# What the desk's fixed rules for your role would propose\n", drafting.ruled());
        long held = drafting.held();
        text.append("# The position\n").append(held == 0 ? "None: the desk holds no " + drafting.ruled().ticker()
                : (held > 0 ? "Long " : "Short ") + Math.abs(held) + " shares of " + drafting.ruled().ticker()).append(".\n\n");
        text.append("# What you see as the ").append(drafting.role().displayName()).append(" agent\n");
        for (String fact : drafting.facts()) text.append("- ").append(fact).append('\n');
        conversation(text, drafting.conversation());
        text.append(drafting.isCounter() ? "\nWord the counter-proposal: it is not held back.\n" : "\nYou may hold this proposal back instead.\n");
        text.append("\nAnswer with the JSON object only.");
        return text.toString();
    }

    /** The reason's facts as the model reads them: the card, the reason, the concerns to choose from; no ids. */
    static String facts(Rejection rejection) {
        StringBuilder text = new StringBuilder();
        terms(text, "# The proposal the trader rejected\n", rejection.card());
        text.append("# The trader's reason\n\"").append(rejection.reason()).append("\"\n\n");
        text.append("# The concerns a revision answers\n");
        for (String concern : rejection.concerns()) text.append("- ").append(concern).append('\n');
        text.append("\n# What you see as the ").append(rejection.role().displayName()).append(" agent\n");
        for (String fact : rejection.facts()) text.append("- ").append(fact).append('\n');
        conversation(text, rejection.conversation());
        text.append("\nAnswer with the JSON object only.");
        return text.toString();
    }

    /** A proposal's terms under {@code heading}, as a model reads them: its text, action, size, prices and rationale. */
    private static void terms(StringBuilder text, String heading, Proposal p) {
        text.append(heading);
        text.append(p.text()).append('\n');
        text.append("- action: ").append(p.action()).append(", ticker ").append(p.ticker()).append(", direction ").append(p.direction()).append('\n');
        text.append("- size: ").append(p.size()).append("; entry $").append(p.entry());
        if (p.stop() != null) text.append("; stop $").append(p.stop());
        if (p.target() != null) text.append("; target $").append(p.target());
        if (p.trailingStopPct() != null) text.append("; trailing stop ").append(p.trailingStopPct().toPlainString()).append('%');
        text.append('\n');
        text.append("- rationale: ").append(p.rationale()).append("\n\n");
    }

    private static void conversation(StringBuilder text, List<String> lines) {
        text.append("\n# The conversation so far, oldest first\n");
        if (lines.isEmpty()) text.append("(nothing yet)\n");
        for (String line : lines) text.append("- ").append(line).append('\n');
    }

    static String fileOf(AgentRole role) { return name(role) + "." + ROLE_VERSION + ".md"; }

    private static String name(AgentRole role) { return role.name().toLowerCase(Locale.ROOT); }

    private static String read(String file) {
        try (InputStream in = PromptBook.class.getResourceAsStream("/prompts/" + file)) {
            if (in == null) throw new IllegalStateException("the prompt prompts/" + file + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt prompts/" + file, e);
        }
    }
}
