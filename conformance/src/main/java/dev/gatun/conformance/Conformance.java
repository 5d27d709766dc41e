package dev.gatun.conformance;

import dev.gatun.Tier;
import dev.gatun.WasmVersion;

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
     * The scripts under {@code paths} (wast2json .json and .wast files): files as given, directories searched recursively;
     * sorted by path within each argument.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> (f.toString().endsWith(".json") || f.toString().endsWith(".wast")) && Files.isRegularFile(f)).sorted().forEach(files::add);
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
        // Per feature (of the module each command ran against), and proposals beyond 3.0 apart from the core suite.
        java.util.Map<String, Tally> byFeature = new java.util.TreeMap<>();
        Tally proposals = new Tally(0, 0, 0);
        boolean anyProposal = false, anyFeature = false;
        try (WastRunner<M, I> runner = new WastRunner<>(target)) {
            for (Path f : files) {
                FileReport r = runner.run(f);
                Tally t = r.tally();
                total = total.plus(t);
                boolean proposal = f.toString().replace('\\', '/').contains("/proposals/");
                if (proposal) {
                    proposals = proposals.plus(t);
                    anyProposal = true;
                }
                for (int i = 0; i < r.outcomes().size(); i++) {
                    String feat = (proposal ? "proposals/" : "") + r.features().get(i);
                    anyFeature |= !feat.equals(WastRunner.CORE);
                    Outcome o = r.outcomes().get(i);
                    Tally one = new Tally(o.status() == Outcome.Status.PASSED ? 1 : 0,
                            o.status() == Outcome.Status.FAILED ? 1 : 0, o.status() == Outcome.Status.SKIPPED ? 1 : 0);
                    byFeature.merge(feat, one, Tally::plus);
                }
                out.println(f.getFileName() + ": " + t.summaryLine());
                if (opts.verbose()) {
                    for (Outcome o : r.outcomes())
                        if (o.status() != Outcome.Status.PASSED)
                            out.println((o.status() == Outcome.Status.FAILED ? "  FAIL " : "  SKIP ") + o.name() + " " + o.command() + ": " + o.reason());
                }
                if (r.fullyPasses()) passing.add(f.getFileName().toString());
                out.flush();
            }
        }
        if (anyFeature || anyProposal) {
            out.println("# by feature (of the module a command ran against):");
            byFeature.forEach((k, t) -> out.println("  " + k + ": " + t.summaryLine()));
        }
        if (anyProposal) {
            out.println("# core: " + new Tally(total.passed() - proposals.passed(), total.failed() - proposals.failed(),
                    total.skipped() - proposals.skipped()).summaryLine());
            out.println("# proposals: " + proposals.summaryLine());
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
            List<Path> files = collect(paths);
            Tally t = run(Targets.gatun(Tier.fromProperty(), defaultVersion(files)), files, new Options(verbose, list), System.out);
            System.exit(t.failed() == 0 ? 0 : 1);
        } catch (NoSuchFileException e) {
            System.err.println("no such file or directory: " + e.getMessage());
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot read: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The rules scripts are run by unless told: Wasm 2.0 when every script is wast2json output (.json),
     * since wabt converts the Wasm 2.0 suite and that suite tests the 2.0 errors that 3.0 made valid
     * (several memories, u64 limits, memory indices); Wasm 3.0 otherwise (the 3.0 suite is read as .wast).
     */
    public static WasmVersion defaultVersion(List<Path> files) {
        boolean allJson = !files.isEmpty() && files.stream().allMatch(f -> f.getFileName().toString().endsWith(".json"));
        return allJson ? WasmVersion.WASM_2_0 : WasmVersion.WASM_3_0;
    }
}
