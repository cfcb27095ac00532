package io.quorum.engine.session;

/** Why a session stopped; {@link #code()} is the API's spelling. */
public enum StopReason {
    USER("user", "stopped by the user"),
    MAX_LOSS_HIT("max_loss_hit", "the maximum daily loss was hit");

    private final String code;
    private final String sentence;

    StopReason(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    public String code() { return code; }

    public String sentence() { return sentence; }
}
