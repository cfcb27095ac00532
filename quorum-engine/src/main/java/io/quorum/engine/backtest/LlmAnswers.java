package io.quorum.engine.backtest;

import java.util.Locale;

/**
 * Where the answers of a backtest's language-model agents come from, as {@code --llm-answers}
 * names it; the report says which.
 */
public enum LlmAnswers {
    /** Every question goes to the model, and each answer's latency, as it came, passes in replay time. */
    LIVE("every question asked of the model for real, each answer's latency counted in replay time"),
    /** Answers kept in a file by the prompt's hash; a prompt not in it is asked of the model and added, so that a second run asks nothing. */
    CACHED("answers from the answers file by prompt hash, a prompt not in it asked of the model and added, each answer's latency as it first came"),
    /** Only answers from the file; a prompt not in it falls back to the role's rules, and the fallback is counted. */
    RECORDED("only answers recorded in the answers file, each with its recorded latency; a prompt not recorded falls back to the role's rules");

    private final String sentence;

    LlmAnswers(String sentence) { this.sentence = sentence; }

    /** What the report says of them. */
    public String sentence() { return sentence; }

    /** The name the command line and the API take: {@code live}, {@code cached} or {@code recorded}. */
    public String configName() { return name().toLowerCase(Locale.ROOT); }

    /** @throws IllegalArgumentException for another name, with the three it takes */
    public static LlmAnswers parse(String name) {
        for (LlmAnswers answers : values()) if (answers.configName().equals(name)) return answers;
        throw new IllegalArgumentException("the model's answers are live, cached or recorded, not \"" + name + "\"");
    }
}
