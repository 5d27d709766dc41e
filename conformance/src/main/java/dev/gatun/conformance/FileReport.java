package dev.gatun.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcomes of every command of one script, in file order, and beside each the feature it exercised
 * (the main post-2.0 feature of the module it ran against, or "2.0").
 */
public record FileReport(Path file, List<Outcome> outcomes, List<String> features) {
    public FileReport {
        outcomes = List.copyOf(outcomes);
        features = List.copyOf(features);
        if (features.size() != outcomes.size()) throw new IllegalArgumentException("one feature per outcome");
    }

    public FileReport(Path file, List<Outcome> outcomes) {
        this(file, outcomes, java.util.Collections.nCopies(outcomes.size(), WastRunner.CORE));
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

    /** No failures and no skips: the file can go on the expected-pass list. */
    public boolean fullyPasses() {
        boolean any = false;
        for (Outcome o : outcomes) {
            if (o.status() == Outcome.Status.FAILED) return false;
            if (o.status() == Outcome.Status.SKIPPED) return false;
            any |= o.status() == Outcome.Status.PASSED;
        }
        return any;
    }
}
