package dev.gatun.conformance;

/** The result of one spec command: exactly one of passed, failed or skipped, with a reason unless passed. */
public record Outcome(String source, int line, String command, Status status, String reason) {
    public enum Status { PASSED, FAILED, SKIPPED }

    /** Skip reason for {@code (module quote ...)} text that must fail to parse: Gatun has no text parser. */
    public static final String TEXT_FORMAT = "text format (.wat) not supported";

    /** {@code file.wast:line}, the name tests and failure messages use. */
    public String name() { return source + ":" + line; }

    /** A skip that will stay a skip whatever gets built (not a gap in the runtime). */
    public boolean permanentSkip() { return status == Status.SKIPPED && TEXT_FORMAT.equals(reason); }

    static Outcome passed(String source, int line, String command) {
        return new Outcome(source, line, command, Status.PASSED, null);
    }
}
