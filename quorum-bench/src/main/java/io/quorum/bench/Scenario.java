package io.quorum.bench;

import java.util.List;

/** One measured scenario of the bench command (S1, S4a, S5, ...), with its same-run baselines. */
public interface Scenario {
    /** Short id as used in the issues and docs, e.g. "S1". */
    String id();

    /** What is measured, in one line. */
    String title();

    /** Runs the scenario and its baselines; QUICK must keep the whole bench command under five minutes. */
    List<Figure> run(Mode mode) throws Exception;

    enum Mode { QUICK, FULL }

    /** One printed row: a measured value of one subject (the system under test, or a baseline). */
    record Figure(String scenario, String subject, String metric, String value, String target) {}
}
