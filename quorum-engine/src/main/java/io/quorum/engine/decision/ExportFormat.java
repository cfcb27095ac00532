package io.quorum.engine.decision;

/** A file format the decision log exports to. */
public enum ExportFormat {
    /** RFC 4180: a header line, one line per decision, CRLF line ends. */
    CSV("text/csv", "csv"),
    /** One array of decision objects, each complete with proposal, votes, orders and fills. */
    JSON("application/json", "json");

    private final String mediaType;
    private final String fileExtension;

    ExportFormat(String mediaType, String fileExtension) {
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
    }

    public String mediaType() { return mediaType; }

    public String fileExtension() { return fileExtension; }
}
