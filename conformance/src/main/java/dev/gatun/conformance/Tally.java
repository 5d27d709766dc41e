package dev.gatun.conformance;

/** Counts of spec commands by outcome; every command is exactly one of the three. */
public record Tally(long passed, long failed, long skipped) {
    public Tally plus(Tally o) { return new Tally(passed + o.passed, failed + o.failed, skipped + o.skipped); }

    /** The runner's closing line, exactly {@code N passed, N failed, N skipped}. */
    public String summaryLine() { return passed + " passed, " + failed + " failed, " + skipped + " skipped"; }
}
