package dev.gatun.conformance;

/** The result of one spec command: exactly one of passed, failed or skipped, with a reason unless passed. */
public record Outcome(String source, int line, String command, Status status, String reason) {
    public enum Status { PASSED, FAILED, SKIPPED }

    /** {@code file.wast:line}, the name tests and failure messages use. */
    public String name() { return source + ":" + line; }

    static Outcome passed(String source, int line, String command) {
        return new Outcome(source, line, command, Status.PASSED, null);
    }
}
