package io.quorum.engine.session;

import java.util.List;

/**
 * Settings refused all at once: every problem is reported, one per field, so that a form can mark
 * every wrong input in a single round trip instead of one error per submit.
 */
public final class ConfigViolation extends IllegalArgumentException {
    private final transient List<FieldError> problems;

    public ConfigViolation(List<FieldError> problems) {
        super(String.join("; ", problems.stream().map(FieldError::toString).toList()));
        if (problems.isEmpty()) throw new IllegalArgumentException("a violation needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<FieldError> problems() { return problems; }
}
