package io.quorum.adapters.csv;

/** What is wrong with one row of a bar file, by its line number in the file (the header is line 1). */
public record RowProblem(int line, String problem) {
    public RowProblem {
        if (line < 1) throw new IllegalArgumentException("line: must be at least 1, was " + line);
        if (problem == null || problem.isBlank()) throw new IllegalArgumentException("problem: must not be blank");
    }

    @Override public String toString() { return "line " + line + ": " + problem; }
}
