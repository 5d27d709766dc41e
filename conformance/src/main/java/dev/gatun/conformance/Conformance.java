package dev.gatun.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The spec-suite driver behind {@code gatun wast}: collects scripts, runs them, prints one summary line per
 * file and, last, exactly {@code N passed, N failed, N skipped}.
 */
public final class Conformance {
    private Conformance() {}

    /**
     * The wast2json scripts under {@code paths}: JSON files as given, directories searched recursively;
     * sorted by path within each argument.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        return files;
    }

    /** What to print besides the per-file lines and the closing tally. */
    public record Options(boolean verbose, boolean listPassing) {}

    /** Runs every script and prints; returns the total. */
    public static <M, I> Tally run(Target<M, I> target, List<Path> files, Options opts, PrintStream out) {
        Tally total = new Tally(0, 0, 0);
        List<String> passing = new ArrayList<>();
        try (WastRunner<M, I> runner = new WastRunner<>(target)) {
            for (Path f : files) {
                FileReport r = runner.run(f);
                Tally t = r.tally();
                total = total.plus(t);
                out.println(f.getFileName() + ": " + t.summaryLine());
                if (opts.verbose()) {
                    for (Outcome o : r.outcomes())
                        if (o.status() == Outcome.Status.FAILED) out.println("  FAIL " + o.name() + " " + o.command() + ": " + o.reason());
                }
                if (r.fullyPasses()) passing.add(f.getFileName().toString());
                out.flush();
            }
        }
        if (opts.listPassing()) {
            out.println("# fully passing (" + passing.size() + " files; paste into conformance/src/test/resources/expected-pass.txt):");
            passing.forEach(out::println);
        }
        out.println(total.summaryLine());
        return total;
    }

    /** Standalone entry: {@code [-v] [--list-passing] PATH...}. Exit 1 when a command failed, 2 on bad usage. */
    public static void main(String[] args) {
        boolean verbose = false, list = false;
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "-v", "--verbose" -> verbose = true;
                case "--list-passing" -> list = true;
                default -> paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            System.err.println("usage: Conformance [-v] [--list-passing] PATH...");
            System.exit(2);
        }
        try {
            Tally t = run(Targets.gatun(), collect(paths), new Options(verbose, list), System.out);
            System.exit(t.failed() == 0 ? 0 : 1);
        } catch (NoSuchFileException e) {
            System.err.println("no such file or directory: " + e.getMessage());
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot read: " + e.getMessage());
            System.exit(2);
        }
    }
}
