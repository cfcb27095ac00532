package io.quorum.adapters.csv;

/** What an import does when some rows of a file are wrong. */
public enum BadRows {
    /** Nothing is imported from a file with any bad row: the file is refused with every problem found. */
    REFUSE_FILE,
    /** The good rows are imported; the bad ones are left out and reported. */
    SKIP
}
