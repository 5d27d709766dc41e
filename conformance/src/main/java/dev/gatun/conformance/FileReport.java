package dev.gatun.conformance;

import java.nio.file.Path;
import java.util.List;

/** Outcomes of every command of one wast2json script, in file order. */
public record FileReport(Path file, List<Outcome> outcomes) {
    public FileReport {
        outcomes = List.copyOf(outcomes);
    }

    public Tally tally() {
        long p = 0, f = 0, s = 0;
        for (Outcome o : outcomes) {
            switch (o.status()) {
                case PASSED -> p++;
                case FAILED -> f++;
                case SKIPPED -> s++;
            }
        }
        return new Tally(p, f, s);
    }

    /** No failures and no skips other than permanent ones: the file can go on the expected-pass list. */
    public boolean fullyPasses() {
        boolean any = false;
        for (Outcome o : outcomes) {
            if (o.status() == Outcome.Status.FAILED) return false;
            if (o.status() == Outcome.Status.SKIPPED && !o.permanentSkip()) return false;
            any |= o.status() == Outcome.Status.PASSED;
        }
        return any;
    }
}
